package com.grow.payments.infra.web.idempotency;

import java.time.Duration;
import java.util.Map;

/**
 * Remembers, per caller and Idempotency-Key, that a request is running or what it answered.
 * Implementations must make {@link #claim} atomic: of two requests racing with one key, exactly
 * one acquires it.
 */
public interface IdempotencyStore {

    /** Takes the key for a new request, or says what the key already holds. */
    Claim claim(String scope, String key, String fingerprint, Duration lockTtl);

    /** Keeps the answer of the request that holds the key (by its owner token). */
    void complete(String scope, String key, String owner, StoredResponse response, Duration retention);

    /** Frees the key without an answer, so the caller may retry with it (e.g. after a 400). */
    void release(String scope, String key, String owner);

    /** What {@link #claim} found. */
    sealed interface Claim {
        /** The key is this request's; {@code owner} proves it on completion. */
        record Acquired(String owner) implements Claim {
        }

        /** Another request with this key is still running. */
        record InProgress() implements Claim {
        }

        /** The key was used for a request with other content. */
        record Reused() implements Claim {
        }

        /** The key's request finished: answer with what it answered. */
        record Replay(StoredResponse response) implements Claim {
        }
    }

    /** An answer as it was sent: status, the headers worth replaying, the body's bytes. */
    record StoredResponse(int status, Map<String, String> headers, byte[] body) {
    }
}
