package com.grow.payments.command.web;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.reads.AnsweredSequences;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** Axon's in-memory engine that counts the reads of aggregate streams, and the answers remembered, for the web tests. */
final class CountedEvents {

    private CountedEvents() {
    }

    /**
     * Counts a read once its events are taken: Axon's in-memory stream is lazy, so a read counted
     * before it is drained could still see an event appended after the count.
     */
    static final class Engine extends InMemoryEventStorageEngine {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            List<? extends DomainEventMessage<?>> taken =
                    super.readEvents(aggregateIdentifier, firstSequenceNumber).asStream().toList();
            reads.incrementAndGet();
            return DomainEventStream.of(taken);
        }
    }

    /** The highest sequence remembered as answered, by aggregate. */
    static final class Answers implements AnsweredSequences {
        final Map<String, Long> remembered = new ConcurrentHashMap<>();

        @Override
        public void remember(MemberId caller, String aggregateId, long sequence) {
            remembered.merge(aggregateId, sequence, Math::max);
        }

        @Override
        public OptionalLong floor(MemberId caller, String aggregateId) {
            return OptionalLong.empty();
        }

        @Override
        public Map<String, Long> floors(MemberId caller) {
            return Map.of();
        }
    }
}
