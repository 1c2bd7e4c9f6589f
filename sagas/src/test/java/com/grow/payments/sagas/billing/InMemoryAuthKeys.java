package com.grow.payments.sagas.billing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** AuthKeys in memory: what the REST command kept, until discarded. */
final class InMemoryAuthKeys implements AuthKeys {

    private final Map<String, String> kept = new HashMap<>();

    InMemoryAuthKeys keep(String billingKeyId, String authKey) {
        kept.put(billingKeyId, authKey);
        return this;
    }

    @Override
    public Optional<String> reveal(String billingKeyId) {
        return Optional.ofNullable(kept.get(billingKeyId));
    }

    @Override
    public void discard(String billingKeyId) {
        kept.remove(billingKeyId);
    }
}
