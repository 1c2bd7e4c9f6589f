package com.grow.payments.infra.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine with two differences, both about work done for every event read (ADR 0011).
 * <ul>
 * <li>No snapshot reads. Axon reads the snapshot table before the events on every load of an
 * aggregate, whether a snapshotter exists or not: a query per command that always finds nothing. A
 * payment has a handful of events and no snapshotter, so the engine answers "no snapshot" without
 * asking. Configuring a snapshotter means removing {@link #readSnapshotData}.</li>
 * <li>Timestamps parsed once. Axon keeps a stored event's timestamp as its text and parses it with
 * a {@code DateTimeFormatter} each time it is asked, two or three times per event (the gap check,
 * the message, the handler's {@code @Timestamp}): a seventh of a replaying processor's CPU. Here
 * each row's timestamp is parsed once, by {@link StoredTimestamps}, and kept.</li>
 * </ul>
 * The gap settings are set here, on the builder, because reading tracked events repeats Axon's
 * gap bookkeeping with them.
 */
class PaymentsEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, named: the first global index, how far a gap may reach back, when a gap is given up. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MS = 60_000;

    private final EventSchema schema;

    private PaymentsEventStorageEngine(Builder builder, EventSchema schema) {
        super(builder);
        this.schema = schema;
    }

    static PaymentsEventStorageEngine build(Builder builder, EventSchema schema) {
        return new PaymentsEventStorageEngine(builder.schema(schema)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MS), schema);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /** As Axon's, with the timestamp parsed once for the gap check and for everything after it. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // an event stored without an aggregate has its own identifier there
        ParsedTimestampEntry event = entry(resultSet,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);
        boolean allowGaps = event.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                            .boxed().collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(resultSet, resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getString(schema.eventIdentifierColumn()));
    }

    private ParsedTimestampEntry entry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        return new ParsedTimestampEntry(resultSet.getString(schema.typeColumn()),
                aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                resultSet.getString(schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose timestamp was parsed when it was read. */
    static final class ParsedTimestampEntry extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        ParsedTimestampEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                             String timestamp, String payloadType, String payloadRevision, Object payload,
                             Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = StoredTimestamps.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
