package com.grow.payments.infra.config;

import com.grow.payments.command.web.LastSequences;
import com.grow.payments.shared.support.BoundedLru;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.modelling.command.inspection.AggregateModel;

/**
 * The aggregates this instance last wrote, kept in memory so that the next command on one of them
 * is handled without reading and replaying its events, but never trusted blindly: before a kept
 * aggregate is handed out, the event store is asked for the aggregate's last sequence number (one
 * row from the (aggregate, sequence) index), and only an aggregate at exactly that sequence is
 * used. One written by another instance since, or by anything else that appended to its stream,
 * is dropped and rebuilt from the store as before (ADR 0011).
 *
 * <p>Axon's caching repository puts an aggregate here when its unit of work prepares to commit
 * and removes it when the unit of work rolls back, and holds the aggregate's lock while it is in
 * use, so a kept aggregate is never seen half-changed.
 */
final class SequenceCheckedAggregateCache implements Cache {

    private final LastSequences lastSequences;
    private final BoundedLru<Object, Object> entries;

    SequenceCheckedAggregateCache(LastSequences lastSequences, int size) {
        this.lastSequences = lastSequences;
        this.entries = new BoundedLru<>(size);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object kept = entries.get(key);
        if (kept == null) {
            return null;
        }
        Long version = version(kept);
        Long stored = lastSequences.of(List.of(key.toString())).get(key.toString());
        if (version == null || !version.equals(stored)) {
            entries.remove(key);
            return null;
        }
        return (V) kept;
    }

    /**
     * The sequence of the last event folded into a kept aggregate. An entry made in this JVM holds
     * its aggregate itself, which {@code recreateAggregate} hands back without using its
     * arguments; anything else is not trusted.
     */
    private static Long version(Object kept) {
        if (!(kept instanceof AggregateCacheEntry<?> entry)) {
            return null;
        }
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate((AggregateModel) null, (EventStore) null,
                    (RepositoryProvider) null, (SnapshotTriggerDefinition) null);
            return aggregate == null ? null : aggregate.version();
        } catch (RuntimeException notHeldHere) {
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.get(key) != null;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        // nothing listens to aggregates coming and going
        return () -> true;
    }
}
