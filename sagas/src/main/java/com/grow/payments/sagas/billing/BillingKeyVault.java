package com.grow.payments.sagas.billing;

import java.util.Optional;

/**
 * Where Toss billing keys live, encrypted, outside the event store (a raw billing
 * key is never returned, logged or stored in clear).
 *
 * <p>Why a vault and not an event field: events are immutable and replayed for ever, into
 * projections, the audit trail, Kafka and dead letters. A key written into one could never be
 * erased. So events carry only the {@code billingKeyId}, and the key itself sits here, where it
 * can be deleted. {@link #destroy} is crypto-shredding: once the ciphertext is gone, replaying the
 * whole event store cannot bring the key back, because no event ever held it.
 *
 * <p>Implementations encrypt with authenticated encryption bound to the id, so a ciphertext
 * copied to another id does not decrypt. Nothing here logs or prints a key.
 */
public interface BillingKeyVault {

    /**
     * Encrypts the billing key under the current crypto key and keeps it under the id. Replaces
     * whatever the id held: a retried step stores the same key again, and storing a revealed key
     * again re-encrypts it under the current crypto key (how rows leave a retired key).
     */
    void store(String billingKeyId, String billingKey);

    /**
     * The billing key in clear, for the call to Toss that needs it; empty if the id is unknown or
     * its key was destroyed. Fails closed: a secret that is held but cannot be decrypted
     * (tampered, copied from another id, or written under a crypto key no longer configured)
     * throws {@link UnreadableBillingKeyException}, never answers empty, because that is an
     * incident to look at, not a deleted key.
     */
    Optional<String> reveal(String billingKeyId);

    /** Which of our billing keys Toss's key is (a webhook names Toss's key), without keeping it in clear. */
    Optional<String> findIdByKey(String billingKey);

    /** Deletes the ciphertext for good; a no-op if the id holds nothing. Afterwards {@link #reveal} is empty. */
    void destroy(String billingKeyId);

    /** A held secret that does not decrypt. The message names the id, never key material. */
    final class UnreadableBillingKeyException extends RuntimeException {

        public UnreadableBillingKeyException(String message) {
            super(message);
        }

        public UnreadableBillingKeyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
