package com.grow.payments.shared.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that keeps at most {@code capacity} entries and forgets the least recently
 * used first. For caches whose entries can always be had again (from the event store, or by
 * verifying a token once more).
 */
public final class BoundedLru<K, V> {

    private final Map<K, V> entries;

    public BoundedLru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /** Puts the value unless the key holds one already: true when it was put. */
    public synchronized boolean putIfAbsent(K key, V value) {
        return entries.putIfAbsent(key, value) == null;
    }

    /** Forgets the key: the value it held, or null. */
    public synchronized V remove(K key) {
        return entries.remove(key);
    }
}
