package com.grow.payments.sagas.billing;

import java.util.Optional;

/**
 * The authKeys in custody while billing keys are issued (kept there by the billing key's REST
 * command, never carried by an event): read once to ask Toss, deleted once Toss has answered.
 */
public interface AuthKeys {

    /** The authKey waiting for this billing key id; empty if none (never kept, expired, or discarded). */
    Optional<String> reveal(String billingKeyId);

    /** Deletes it; a no-op when there is none. */
    void discard(String billingKeyId);
}
