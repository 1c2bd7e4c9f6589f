package com.grow.payments.infra.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A thread-safe map that keeps at most {@code capacity} entries and forgets the least recently
 * used first. For caches whose entries can always be rebuilt from the event store.
 */
public final class BoundedLru<K, V> {

    private final Map<K, V> entries;

    /** @param evicted told of each entry pushed out to make room (under the map's lock) */
    public BoundedLru(int capacity, BiConsumer<K, V> evicted) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                evicted.accept(eldest.getKey(), eldest.getValue());
                return true;
            }
        };
    }

    public BoundedLru(int capacity) {
        this(capacity, (key, value) -> { });
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** @return the value it replaced, or null */
    public synchronized V put(K key, V value) {
        return entries.put(key, value);
    }

    public synchronized V putIfAbsent(K key, V value) {
        return entries.putIfAbsent(key, value);
    }

    public synchronized V remove(K key) {
        return entries.remove(key);
    }

    public synchronized boolean containsKey(K key) {
        return entries.containsKey(key);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
