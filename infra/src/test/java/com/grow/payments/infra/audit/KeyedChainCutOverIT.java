package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cut-over to the keyed chain on the real event store: streams written under the unkeyed
 * SHA-256 chain (as before payments.audit.chain-key) are linked again under the key when their old
 * chain holds, and stay broken when it does not. Streams are put back into their pre-cut-over shape
 * by rewriting their stored links with the old formula.
 */
class KeyedChainCutOverIT extends IntegrationTest {

    @Autowired
    private KeyedChainCutOver cutOver;
    @Autowired
    private StoredEvents storedEvents;
    @Autowired
    private ChainKey chainKey;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void flyway_ran_the_cut_over_as_v14_after_the_authkey_table_of_v13() {
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND version IN ('13', '14')"
                + " ORDER BY installed_rank", String.class)).containsExactly("13", "14");
    }

    @Test
    void an_intact_unkeyed_stream_with_events_from_before_the_chain_is_linked_under_the_key() {
        String orderId = paidPayment("member-cutover-intact");
        String admin = token("auditor", "ADMIN");
        rewriteUnkeyed(orderId, 1);
        assertThat(get("/api/v1/admin/payments/" + orderId + "/verify", admin).status())
                .as("an unkeyed chain does not verify under the key").isEqualTo(409);

        assertThat(cutOver.cutOver(jdbc, orderId)).isEqualTo(KeyedChainCutOver.Outcome.LINKED);

        Reply verdict = get("/api/v1/admin/payments/" + orderId + "/verify", admin);
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json().path("valid").asBoolean()).isTrue();
        assertThat(cutOver.cutOver(jdbc, orderId)).isEqualTo(KeyedChainCutOver.Outcome.ALREADY_KEYED);
    }

    @Test
    void a_stream_tampered_with_before_the_cut_over_stays_broken_after_it() {
        String orderId = paidPayment("member-cutover-tampered");
        rewriteUnkeyed(orderId, 0);
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'Hobby class', 'Hobby clasz'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 0", orderId);

        assertThat(cutOver.cutOver(jdbc, orderId)).isEqualTo(KeyedChainCutOver.Outcome.LEFT_BROKEN);

        Reply verdict = get("/api/v1/admin/payments/" + orderId + "/verify", token("auditor", "ADMIN"));
        assertThat(verdict.status()).isEqualTo(409);
        assertThat(verdict.json().path("firstBrokenSequence").asLong()).isZero();
    }

    @Test
    void an_older_billing_key_event_loses_its_authkey_and_its_stream_is_linked_over_the_redacted_payload() {
        String billingKeyId = "bk_cutover_" + UUID.randomUUID().toString().substring(0, 8);
        String authKey = "bln_auth_" + UUID.randomUUID();
        byte[] revisionOne = ("{\"billingKeyId\":\"" + billingKeyId + "\",\"memberId\":\"member-cutover\","
                + "\"authKey\":\"" + authKey + "\",\"customerKey\":\"cust_" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // inside a transaction rolled back at the end: no event processor ever sees this made-up event
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            insertAndCutOver(billingKeyId, authKey, revisionOne);
        });
    }

    private void insertAndCutOver(String billingKeyId, String authKey, byte[] revisionOne) {
        jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                        + " meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES (?, 0, 'BillingKey', ?, ?, ?, '1', ?, '2026-01-05T01:02:03.456Z')",
                billingKeyId, UUID.randomUUID().toString(), "{\"memberId\":\"member-cutover\"}".getBytes(StandardCharsets.UTF_8),
                revisionOne, BillingKeyIssueRequested.class.getName());

        assertThat(cutOver.cutOver(jdbc, billingKeyId)).isEqualTo(KeyedChainCutOver.Outcome.LINKED);

        List<StoredEvents.Row> rows = storedEvents.stream(billingKeyId);
        assertThat(new String(rows.get(0).payload(), StandardCharsets.UTF_8)).doesNotContain(authKey, "authKey")
                .contains(billingKeyId);
        assertThat(rows.get(0).payloadRevision()).isEqualTo("2");
        assertThat(ChainVerification.of(chainKey, billingKeyId, rows).valid()).isTrue();
    }

    @Test
    void a_stream_whose_chain_metadata_was_stripped_or_garbled_reports_valid_false() {
        String admin = token("auditor", "ADMIN");
        String stripped = paidPayment("member-chain-stripped");
        String garbled = paidPayment("member-chain-garbled");
        List<Object[]> original = jdbc.query("SELECT global_index, meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier IN (?, ?)", (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)},
                stripped, garbled);
        try {
            jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to('{}', 'UTF8')"
                    + " WHERE aggregate_identifier = ?", stripped);
            jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to('{\"chainHash\":', 'UTF8')"
                    + " WHERE aggregate_identifier = ? AND sequence_number = 1", garbled);

            for (String orderId : List.of(stripped, garbled)) {
                Reply chain = get("/api/v1/admin/payments/" + orderId + "/chain", admin);
                assertThat(chain.json().path("valid").asBoolean()).as(chain.body()).isFalse();
                assertThat(get("/api/v1/admin/payments/" + orderId + "/verify", admin).status()).isEqualTo(409);
            }
            assertThat(get("/api/v1/admin/payments/" + stripped + "/chain", admin).json()
                    .path("firstBrokenSequence").asLong()).isZero();
            assertThat(get("/api/v1/admin/payments/" + garbled + "/chain", admin).json()
                    .path("firstBrokenSequence").asLong()).isEqualTo(1);
        } finally {
            // later tests may replay the event store: leave it readable
            original.forEach(row -> jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                    row[1], row[0]));
        }
    }

    private String paidPayment(String member) {
        String token = token(member);
        String[] payment = checkoutAndAuthorize(token, 8000, null);
        assertThat(confirm(token, payment[0], payment[1], 8000).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(status(payment[0], token)));
        return payment[0];
    }

    /** The stream as the service wrote it before the key: the first {@code unchained} events without a link, then SHA-256. */
    private void rewriteUnkeyed(String aggregate, int unchained) {
        String previous = ChainHash.GENESIS;
        for (StoredEvents.Row row : storedEvents.stream(aggregate)) {
            ObjectNode metaData = JSON.valueToTree(row.metaData());
            if (row.sequenceNumber() < unchained) {
                metaData.remove(AuditMetaData.CHAIN_HASH);
            } else {
                String hash = ChainHash.unkeyed(previous, row.link(aggregate));
                metaData.put(AuditMetaData.CHAIN_HASH, hash);
                previous = hash;
            }
            jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    metaData.toString().getBytes(StandardCharsets.UTF_8), aggregate, row.sequenceNumber());
        }
    }
}
