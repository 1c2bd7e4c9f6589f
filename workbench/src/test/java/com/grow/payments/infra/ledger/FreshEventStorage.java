package com.grow.payments.infra.ledger;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * Axon's in-memory event storage, emptied for each property run: it reads an aggregate by looking
 * at every event it holds, so runs that shared one would slow each other down.
 */
final class FreshEventStorage implements EventStorageEngine {

    private volatile InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();

    void empty() {
        events = new InMemoryEventStorageEngine();
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> appended) {
        events.appendEvents(appended);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        events.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
        return events.readEvents(token, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return events.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return events.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return events.lastSequenceNumberFor(aggregateIdentifier);
    }
}
