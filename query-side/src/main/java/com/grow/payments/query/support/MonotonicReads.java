package com.grow.payments.query.support;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.reads.AnsweredSequences;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads that never go back in time for their caller (ADR 0012). A read model lags the event store;
 * when the row a read finds is older than what a command already answered this caller about it
 * (or there is no row yet), the answer is folded from the aggregate's own events instead, with the
 * same fold the projection uses. Nothing waits: the stream is read once, only when the row is behind.
 */
@Component
public class MonotonicReads {

    /** A read-model row and the sequence of the last event folded into it. */
    public record Row<V>(V view, long lastSequence) {
    }

    private final AnsweredSequences answered;
    private final EventStore eventStore;

    public MonotonicReads(AnsweredSequences answered, EventStore eventStore) {
        this.answered = answered;
        this.eventStore = eventStore;
    }

    /**
     * The row, unless it is older than the caller's last answer about the aggregate; then the fold
     * of the aggregate's events ({@code fold} answers empty for a stream of another kind).
     */
    public <V> Optional<V> read(MemberId caller, String aggregateId, Optional<Row<V>> row,
                                Function<List<Object>, Optional<V>> fold) {
        OptionalLong floor = answered.floor(caller, aggregateId);
        if (floor.isEmpty() || !behind(row, aggregateId, floor.getAsLong())) {
            return row.map(Row::view);
        }
        List<Object> events = events(aggregateId);
        return events.isEmpty() ? row.map(Row::view) : fold.apply(events);
    }

    /** Every aggregate the caller was answered about recently, with the sequence each answer reflected. */
    public Map<String, Long> answeredTo(MemberId caller) {
        return answered.floors(caller);
    }

    /** The aggregate's events, oldest first, from sequence 0. */
    public List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0L).asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private <V> boolean behind(Optional<Row<V>> row, String aggregateId, long floor) {
        long required = floor == AnsweredSequences.ANY_ANSWER
                ? eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L) : floor;
        return row.map(Row::lastSequence).orElse(-1L) < required;
    }
}
