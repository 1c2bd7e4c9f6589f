package com.grow.payments.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event store's rows as stored: the raw payload bytes and metadata, read with plain JDBC so
 * that nothing between the table and the hash (upcasters, deserializers) can hide a change.
 */
@Component
public class StoredEvents {

    /**
     * One row of {@code domain_event_entry}.
     *
     * @param metaData the metadata as text values; null when the stored metadata cannot be parsed
     */
    public record Row(long sequenceNumber, String aggregateType, String payloadType, String payloadRevision,
                      String timestamp, byte[] payload, Map<String, String> metaData) {

        /** The stored link; null when the metadata has none or cannot be read. */
        public String chainHash() {
            return metaData == null ? null : metaData.get(AuditMetaData.CHAIN_HASH);
        }

        ChainHash.Link link(String aggregateIdentifier) {
            return new ChainHash.Link(aggregateIdentifier, sequenceNumber, payloadType, payloadRevision, timestamp,
                    metaData, payload);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String streamQuery;
    private final String metaDataQuery;

    public StoredEvents(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.streamQuery = "SELECT " + String.join(", ", schema.sequenceNumberColumn(), schema.typeColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.timestampColumn(),
                schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?"
                + " ORDER BY " + schema.sequenceNumberColumn();
        // one read on the (aggregate, sequence) unique index
        this.metaDataQuery = "SELECT " + schema.metaDataColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
    }

    /** The aggregate's events, oldest first. */
    public List<Row> stream(String aggregateIdentifier) {
        return jdbc.query(streamQuery, (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBytes(6), metaData(rs.getBytes(7))), aggregateIdentifier);
    }

    /** The stored chain hash of one event; empty when the event is not there or predates the chain. */
    public Optional<String> chainHashAt(String aggregateIdentifier, long sequenceNumber) {
        List<byte[]> rows = jdbc.query(metaDataQuery, (rs, n) -> rs.getBytes(1), aggregateIdentifier, sequenceNumber);
        return rows.stream().findFirst().map(StoredEvents::metaData)
                .map(metaData -> metaData.get(AuditMetaData.CHAIN_HASH));
    }

    /**
     * Axon's metadata column (Jackson JSON) as text values. Metadata that is not a JSON object
     * (garbled, truncated, emptied) is null, never an empty map: a verifier must see that it was
     * tampered with, not that it has nothing to check.
     */
    static Map<String, String> metaData(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            tree.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (!value.isNull()) {
                    values.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
                }
            });
            return values;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
