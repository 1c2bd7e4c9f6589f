package com.grow.payments.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cut-over of stored event streams to the keyed hash chain (docs/security.md), run once by
 * Flyway V14 ({@code KeySeparationMigration}).
 * For each aggregate it checks the chain as it was written (plain SHA-256, events from before the
 * chain allowed as a prefix); only a stream that proves intact is linked again under the key, from
 * its first event on, so that afterwards every event carries a keyed link. A stream whose old chain
 * does not hold is left unlinked and reports its break as before. On the way, payloads that held a
 * secret are redacted ({@link EventRedactions}); the new links cover the redacted payload.
 * <p>
 * Older instances still writing unkeyed links would break the streams they write to after this
 * ran: the upgrade to the keyed chain is a stop-then-start.
 */
@Component
public class KeyedChainCutOver {

    private static final Logger log = LoggerFactory.getLogger(KeyedChainCutOver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "SELECT global_index, sequence_number, type, payload_type, payload_revision,"
            + " time_stamp, payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " ORDER BY sequence_number";

    /** What the cut-over did to one stream. */
    public enum Outcome { LINKED, ALREADY_KEYED, LEFT_BROKEN }

    private record Stored(long globalIndex, StoredEvents.Row row, byte[] rawMetaData) {
    }

    private final ChainKey key;

    public KeyedChainCutOver(ChainKey key) {
        this.key = key;
    }

    /** Every stored stream; logs how many were broken before and stay so. */
    public void cutOverAll(JdbcTemplate jdbc) {
        List<String> aggregates = jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry", String.class);
        int broken = 0;
        for (String aggregate : aggregates) {
            if (cutOver(jdbc, aggregate) == Outcome.LEFT_BROKEN) {
                broken++;
            }
        }
        if (broken > 0) {
            log.warn("{} of {} event streams had a broken hash chain before the cut-over: they stay broken and"
                    + " report where (GET /api/v1/admin/payments/{{orderId}}/verify)", broken, aggregates.size());
        }
    }

    /** Re-links one aggregate's stream under the key, if its unkeyed chain holds. */
    public Outcome cutOver(JdbcTemplate jdbc, String aggregate) {
        List<Stored> stream = jdbc.query(STREAM, (rs, n) -> {
            byte[] metaData = rs.getBytes(8);
            return new Stored(rs.getLong(1), new StoredEvents.Row(rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getBytes(7), StoredEvents.metaData(metaData)), metaData);
        }, aggregate);
        List<StoredEvents.Row> rows = stream.stream().map(Stored::row).toList();
        if (ChainVerification.of(key, aggregate, rows).valid()) {
            return Outcome.ALREADY_KEYED;
        }
        boolean intact = unkeyedChainHolds(aggregate, rows);
        String previous = ChainHash.GENESIS;
        for (Stored stored : stream) {
            StoredEvents.Row row = stored.row();
            EventRedactions.Redacted redacted = EventRedactions.redact(row.payloadType(), row.payloadRevision(),
                    row.payload());
            if (!intact) {
                if (redacted.changed()) {
                    jdbc.update("UPDATE domain_event_entry SET payload = ?, payload_revision = ? WHERE global_index = ?",
                            redacted.payload(), redacted.revision(), stored.globalIndex());
                }
                continue;
            }
            StoredEvents.Row relinked = new StoredEvents.Row(row.sequenceNumber(), row.aggregateType(),
                    row.payloadType(), redacted.revision(), row.timestamp(), redacted.payload(), row.metaData());
            String hash = ChainHash.of(key, previous, relinked.link(aggregate));
            jdbc.update("UPDATE domain_event_entry SET payload = ?, payload_revision = ?, meta_data = ?"
                    + " WHERE global_index = ?", redacted.payload(), redacted.revision(),
                    withChainHash(stored.rawMetaData(), hash), stored.globalIndex());
            previous = hash;
        }
        return intact ? Outcome.LINKED : Outcome.LEFT_BROKEN;
    }

    /**
     * The rule the stream was written under: contiguous sequences, readable metadata, events before
     * the first link allowed (they predate the chain), every link after it present and matching.
     */
    static boolean unkeyedChainHolds(String aggregate, List<StoredEvents.Row> rows) {
        String previous = null;
        for (int i = 0; i < rows.size(); i++) {
            StoredEvents.Row row = rows.get(i);
            if (row.sequenceNumber() != i || row.metaData() == null) {
                return false;
            }
            String stored = row.chainHash();
            if (stored == null) {
                if (previous != null) {
                    return false;
                }
                continue;
            }
            String computed = ChainHash.unkeyed(previous == null ? ChainHash.GENESIS : previous, row.link(aggregate));
            if (!computed.equals(stored)) {
                return false;
            }
            previous = stored;
        }
        return true;
    }

    private static byte[] withChainHash(byte[] metaData, String hash) {
        try {
            JsonNode tree = JSON.readTree(metaData);
            ObjectNode object = tree instanceof ObjectNode node ? node : JSON.createObjectNode();
            object.put(AuditMetaData.CHAIN_HASH, hash);
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new IllegalStateException("metadata that was read a moment ago cannot be written back", e);
        }
    }
}
