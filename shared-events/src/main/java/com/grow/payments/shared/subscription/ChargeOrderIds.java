package com.grow.payments.shared.subscription;

import com.grow.payments.shared.IdNamespaces;
import java.util.Optional;

/**
 * A cycle's charge has a deterministic order id, {@code sub_<subscriptionId>_<cycleNo>}: whatever
 * the scheduler does, Toss's natural key lets the cycle be charged at most once.
 */
public final class ChargeOrderIds {

    private static final String PREFIX = IdNamespaces.CYCLE_CHARGE;

    private ChargeOrderIds() {
    }

    public static String of(String subscriptionId, int cycleNo) {
        return PREFIX + subscriptionId + "_" + cycleNo;
    }

    /** The subscription and cycle an order id charges, if it is a cycle's order id. */
    public static Optional<ChargedCycle> parse(String orderId) {
        if (orderId == null || !orderId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int last = orderId.lastIndexOf('_');
        try {
            return Optional.of(new ChargedCycle(orderId.substring(PREFIX.length(), last),
                    Integer.parseInt(orderId.substring(last + 1))));
        } catch (RuntimeException notACycle) {
            return Optional.empty();
        }
    }

    /** A subscription's cycle. */
    public record ChargedCycle(String subscriptionId, int cycleNo) {
    }
}
