package com.grow.payments.infra.reconciliation;

import java.util.Objects;

/**
 * A merchant (MID) whose transactions a run reads, with the secret key that reads them. Today the
 * service has one, {@code default}, holding {@code toss.secret-key}; a run takes a list so that
 * several merchants reconcile the same way once they are configured.
 */
public record TossMerchant(String name, String secretKey) {

    public TossMerchant {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "TossMerchant[name=" + name + ", secretKey=****]";
    }
}
