package com.grow.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Toss's Idempotency-Key semantics: scope is key + secret key + path + method (never the body);
 * the first complete answer is replayed for 15 days; a repeat during the first call gets 409.
 *
 * <p>Keys are forgotten oldest first: every key begun is queued in the order it began, and a call
 * looks only at the head of that queue, so a call costs the same with 100 keys kept as with
 * 100,000 (it used to scan every kept key on every call once 10,000 were kept).
 */
final class IdempotencyCache {

    static final Duration RETENTION = Duration.ofDays(15);
    static final int MAX_KEY_LENGTH = 300;

    sealed interface Begin permits Started, Replay, InFlight {
    }

    /** This caller owns the key: it must {@link #complete} or {@link #abandon} the ticket. */
    record Started(String scope, Entry ticket) implements Begin {
    }

    record Replay(SandboxResponse response) implements Begin {
    }

    record InFlight() implements Begin {
    }

    /** Identity matters: completing a ticket only replaces the exact entry it reserved. */
    static final class Entry {
        private final Instant storedAt;
        private final SandboxResponse response;

        private Entry(Instant storedAt, SandboxResponse response) {
            this.storedAt = storedAt;
            this.response = response;
        }
    }

    /** A key's begin, in the order keys began: what {@link #forgetExpired} walks from the head. */
    private record Begun(String scope, Instant storedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Begun> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean forgetting = new AtomicBoolean();

    /**
     * The secret key is part of the scope but is hashed so the map never holds it in clear.
     */
    static String scope(String secretKey, String method, String path, String idempotencyKey) {
        return method + ' ' + path + '\n' + sha256(secretKey) + '\n' + idempotencyKey;
    }

    Begin begin(String scope, Instant now) {
        forgetExpired(now);
        Begin[] result = new Begin[1];
        entries.compute(scope, (key, existing) -> {
            if (existing == null || (existing.response != null && expired(existing, now))) {
                Entry ticket = new Entry(now, null);
                result[0] = new Started(scope, ticket);
                oldestFirst.add(new Begun(key, now));
                return ticket;
            }
            result[0] = existing.response == null ? new InFlight() : new Replay(existing.response);
            return existing;
        });
        return result[0];
    }

    void complete(Started started, SandboxResponse response) {
        entries.replace(started.scope(), started.ticket(), new Entry(started.ticket().storedAt, response));
    }

    void abandon(Started started) {
        entries.remove(started.scope(), started.ticket());
    }

    void clear() {
        entries.clear();
        oldestFirst.clear();
    }

    int size() {
        return entries.size();
    }

    /**
     * Forgets the answers whose retention has passed, walking from the oldest begin and stopping at
     * the first one still kept. A begin whose key has since begun again (after its own answer
     * expired, or was abandoned) is dropped from the queue; the later begin has its own place. A
     * call still in flight after the retention (a sandbox clock moved ahead) goes to the back.
     */
    private void forgetExpired(Instant now) {
        Begun head = oldestFirst.peek();
        if (head == null || !expired(head.storedAt(), now) || !forgetting.compareAndSet(false, true)) {
            return;
        }
        // one caller at a time takes from the head (others only add at the tail), so the head it
        // looked at is the one it takes
        try {
            List<Begun> stillInFlight = new ArrayList<>(0);
            while ((head = oldestFirst.peek()) != null && expired(head.storedAt(), now)) {
                oldestFirst.poll();
                if (!forget(head)) {
                    stillInFlight.add(head);
                }
            }
            oldestFirst.addAll(stillInFlight);
        } finally {
            forgetting.set(false);
        }
    }

    /** Removes the answer {@code begun} reserved; false if that call is still in flight. */
    private boolean forget(Begun begun) {
        Entry kept = entries.computeIfPresent(begun.scope(), (key, entry) ->
                entry.storedAt.equals(begun.storedAt()) && entry.response != null ? null : entry);
        return kept == null || !kept.storedAt.equals(begun.storedAt()) || kept.response != null;
    }

    private static boolean expired(Entry entry, Instant now) {
        return expired(entry.storedAt, now);
    }

    private static boolean expired(Instant storedAt, Instant now) {
        return !now.isBefore(storedAt.plus(RETENTION));
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
