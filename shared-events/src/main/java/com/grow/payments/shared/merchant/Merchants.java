package com.grow.payments.shared.merchant;

import java.util.List;

/**
 * Names of the Toss merchants (MIDs) the service holds keys for. A payment, billing key or
 * subscription remembers the name in the event that starts it; events written before merchants
 * existed carry none, and mean the {@link #DEFAULT} one.
 */
public final class Merchants {

    /** The merchant {@code toss.secret-key} alone configures, and the one older records belong to. */
    public static final String DEFAULT = "default";

    private Merchants() {
    }

    /** The name, or {@link #DEFAULT} when none was recorded. */
    public static String orDefault(String merchant) {
        return merchant == null || merchant.isBlank() ? DEFAULT : merchant;
    }

    /** The merchant recorded by the first event of a history that names one; {@link #DEFAULT} when none does. */
    public static String firstOf(List<?> events) {
        return events.stream().filter(MerchantBound.class::isInstance).map(MerchantBound.class::cast).findFirst()
                .map(bound -> orDefault(bound.merchant())).orElse(DEFAULT);
    }
}
