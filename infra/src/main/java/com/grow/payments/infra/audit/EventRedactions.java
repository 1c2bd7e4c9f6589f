package com.grow.payments.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import java.io.IOException;
import java.util.Map;

/**
 * Secrets that older revisions of events carried, and the revision that no longer carries them.
 * Revision 1 of {@link BillingKeyIssueRequested} held Toss's one-time authKey; revision 2 does
 * not (the authKey waits sealed outside the event store until the billing key is issued). The
 * cut-over ({@link KeyedChainCutOver}) rewrites stored payloads with this. A revision-1 payload
 * that somehow remains still reads as revision 2: the event serializer ignores unknown fields.
 */
final class EventRedactions {

    /** A payload after redaction; {@code changed} when a field was removed. */
    record Redacted(byte[] payload, String revision, boolean changed) {
    }

    private record Rule(String field, String revision) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Rule> RULES = Map.of(
            BillingKeyIssueRequested.class.getName(), new Rule("authKey", "2"));

    private EventRedactions() {
    }

    static Redacted redact(String payloadType, String revision, byte[] payload) {
        Rule rule = RULES.get(payloadType);
        if (rule == null) {
            return new Redacted(payload, revision, false);
        }
        try {
            JsonNode tree = JSON.readTree(payload);
            if (tree instanceof ObjectNode object && object.has(rule.field())) {
                object.remove(rule.field());
                return new Redacted(JSON.writeValueAsBytes(object), rule.revision(), true);
            }
        } catch (IOException unreadable) {
            // a payload that is not JSON holds no field to remove; the chain check reports it
        }
        return new Redacted(payload, revision, false);
    }
}
