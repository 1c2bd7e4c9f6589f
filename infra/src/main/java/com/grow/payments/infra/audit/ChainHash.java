package com.grow.payments.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;

/**
 * The hash chain's one formula (ADR 0009, docs/security.md), used both when an event is stored and
 * when a stored chain is verified:
 * <pre>
 * chainHash = hex(hmacSha256(chainKey, utf8(previousHash + "\n" + aggregateIdentifier + "\n"
 *                             + sequenceNumber + "\n" + payloadType + "\n" + payloadRevision + "\n"
 *                             + timestamp + "\n" + chainedMetaData + "\n") || payloadBytes))
 * </pre>
 * The sequence number, payload type and aggregate are hashed so that events cannot be reordered,
 * retyped or moved to another payment unseen; the timestamp and the chained metadata so that when
 * and who cannot be rewritten. The key ({@link ChainKey}) is kept outside the database, so someone
 * who can rewrite the event store cannot recompute the chain after a change. Chains written before
 * the key used plain SHA-256 ({@link #unkeyed}); the cut-over migration re-links them.
 */
public final class ChainHash {

    /** The previous hash of an aggregate's first chained event. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One event as the event store holds it.
     *
     * @param payloadRevision  {@code payload_revision}, null when the event has none
     * @param timestamp        {@code time_stamp}, exactly as stored (Axon's {@code DateTimeUtils.formatInstant})
     * @param chainedMetaData  the metadata values the chain covers ({@link AuditMetaData#CHAINED_KEYS}), others ignored
     * @param payload          {@code payload}: the serialized bytes, exactly as stored
     */
    public record Link(String aggregateIdentifier, long sequenceNumber, String payloadType, String payloadRevision,
                       String timestamp, Map<String, String> chainedMetaData, byte[] payload) {
    }

    private ChainHash() {
    }

    public static String of(ChainKey key, String previousHash, Link link) {
        Mac hmac = key.mac();
        hmac.update(header(previousHash, link).getBytes(StandardCharsets.UTF_8));
        hmac.update(link.payload());
        return HexFormat.of().formatHex(hmac.doFinal());
    }

    /** The formula before the chain was keyed: SHA-256 over the same bytes. Read only by the cut-over. */
    static String unkeyed(String previousHash, Link link) {
        MessageDigest sha256 = sha256();
        sha256.update(header(previousHash, link).getBytes(StandardCharsets.UTF_8));
        sha256.update(link.payload());
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String header(String previousHash, Link link) {
        return String.join("\n", previousHash, link.aggregateIdentifier(), Long.toString(link.sequenceNumber()),
                link.payloadType(), link.payloadRevision() == null ? "" : link.payloadRevision(), link.timestamp(),
                canonical(link.chainedMetaData())) + "\n";
    }

    /** The chained metadata as compact JSON with its keys in order: {@code {"memberId":"m-1","traceId":"…"}}. */
    static String canonical(Map<String, String> metaData) {
        Map<String, String> chained = new TreeMap<>();
        AuditMetaData.CHAINED_KEYS.forEach(key -> {
            String value = metaData.get(key);
            if (value != null) {
                chained.put(key, value);
            }
        });
        try {
            return JSON.writeValueAsString(chained);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chained metadata", e);
        }
    }

    public static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
