package com.grow.payments.infra.events;

import com.grow.payments.shared.integration.Narrative;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Each aggregate's narrative as it stood after the last event this instance published, so that
 * telling the next event costs no read. When the cache does not hold the narrative just before an
 * event (first sight, evicted, or a batch rolled back and retried), it is folded again from the
 * event store up to that event: what is told depends only on the events, never on the cache.
 */
final class NarrativeCache {

    private record Entry(long sequence, Narrative<?> narrative) {
    }

    private final EventStore eventStore;
    private final Map<String, Entry> entries;

    NarrativeCache(EventStore eventStore, int size) {
        this.eventStore = eventStore;
        this.entries = new LinkedHashMap<>(Math.min(size, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > size;
            }
        };
    }

    /** The aggregate's narrative just before this event. */
    Narrative<?> before(DomainEventMessage<?> event) {
        String aggregateId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Entry cached;
        synchronized (entries) {
            cached = entries.get(aggregateId);
        }
        if (cached != null && cached.sequence() == sequence - 1) {
            return cached.narrative();
        }
        Narrative<?> narrative = Narrative.of(event.getPayload());
        if (sequence == 0) {
            return narrative;
        }
        DomainEventStream history = eventStore.readEvents(aggregateId, 0);
        while (history.hasNext()) {
            DomainEventMessage<?> earlier = history.next();
            if (earlier.getSequenceNumber() >= sequence) {
                break;
            }
            narrative = narrative.apply(earlier.getPayload());
        }
        return narrative;
    }

    /** Remembers the narrative after this event. */
    void after(DomainEventMessage<?> event, Narrative<?> narrative) {
        synchronized (entries) {
            entries.put(event.getAggregateIdentifier(), new Entry(event.getSequenceNumber(), narrative));
        }
    }
}
