package com.grow.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Toss's Idempotency-Key semantics: scope is key + secret key + path + method (never the body);
 * the first complete answer is replayed for 15 days; a repeat during the first call gets 409.
 */
final class IdempotencyCache {

    static final Duration RETENTION = Duration.ofDays(15);
    static final int MAX_KEY_LENGTH = 300;
    private static final int PURGE_THRESHOLD = 10_000;

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

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The secret key is part of the scope but is hashed so the map never holds it in clear.
     */
    static String scope(String secretKey, String method, String path, String idempotencyKey) {
        return method + ' ' + path + '\n' + sha256(secretKey) + '\n' + idempotencyKey;
    }

    Begin begin(String scope, Instant now) {
        if (entries.size() > PURGE_THRESHOLD) {
            entries.values().removeIf(entry -> entry.response != null && expired(entry, now));
        }
        Begin[] result = new Begin[1];
        entries.compute(scope, (key, existing) -> {
            if (existing == null || (existing.response != null && expired(existing, now))) {
                Entry ticket = new Entry(now, null);
                result[0] = new Started(scope, ticket);
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
    }

    int size() {
        return entries.size();
    }

    private static boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.storedAt.plus(RETENTION));
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
