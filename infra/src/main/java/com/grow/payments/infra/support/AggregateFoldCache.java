package com.grow.payments.infra.support;

import com.grow.payments.shared.support.BoundedLru;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A fold of each aggregate's events as it stood after the last event this instance handled, so
 * that handling the next event costs no read. When the cache does not hold the state just before
 * an event (first sight, evicted, or a batch rolled back and retried), it is folded again from the
 * event store up to that event: the state depends only on the events, never on the cache.
 *
 * @param <S> the folded state
 */
public final class AggregateFoldCache<S> {

    private record Entry<S>(long sequence, S state) {
    }

    private final EventStore eventStore;
    private final Function<Object, S> initial;
    private final BiFunction<S, Object, S> fold;
    private final BoundedLru<String, Entry<S>> entries;

    /**
     * @param initial the state before an aggregate's first event, given any of its events
     * @param fold    the state after one more event
     */
    public AggregateFoldCache(EventStore eventStore, int size, Function<Object, S> initial,
                              BiFunction<S, Object, S> fold) {
        this.eventStore = eventStore;
        this.initial = initial;
        this.fold = fold;
        this.entries = new BoundedLru<>(size);
    }

    /** The aggregate's state just before this event. */
    public S before(DomainEventMessage<?> event) {
        String aggregateId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Entry<S> cached = entries.get(aggregateId);
        if (cached != null && cached.sequence() == sequence - 1) {
            return cached.state();
        }
        S state = initial.apply(event.getPayload());
        if (sequence == 0) {
            return state;
        }
        DomainEventStream history = eventStore.readEvents(aggregateId, 0);
        while (history.hasNext()) {
            DomainEventMessage<?> earlier = history.next();
            if (earlier.getSequenceNumber() >= sequence) {
                break;
            }
            state = fold.apply(state, earlier.getPayload());
        }
        return state;
    }

    /** Folds the event into the state before it, remembers and returns the state after it. */
    public S after(DomainEventMessage<?> event, S before) {
        S state = fold.apply(before, event.getPayload());
        entries.put(event.getAggregateIdentifier(), new Entry<>(event.getSequenceNumber(), state));
        return state;
    }
}
