package com.grow.payments.sagas.billing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A BillingKeyVault in memory: holds what was stored until destroyed, and nothing else. */
public class InMemoryBillingKeyVault implements BillingKeyVault {

    private final Map<String, String> keys = new HashMap<>();

    @Override
    public void store(String billingKeyId, String billingKey) {
        keys.put(billingKeyId, billingKey);
    }

    @Override
    public Optional<String> reveal(String billingKeyId) {
        return Optional.ofNullable(keys.get(billingKeyId));
    }

    @Override
    public void destroy(String billingKeyId) {
        keys.remove(billingKeyId);
    }

    @Override
    public java.util.Optional<String> findIdByKey(String billingKey) {
        return keys.entrySet().stream().filter(entry -> entry.getValue().equals(billingKey))
                .map(java.util.Map.Entry::getKey).findFirst();
    }
}
