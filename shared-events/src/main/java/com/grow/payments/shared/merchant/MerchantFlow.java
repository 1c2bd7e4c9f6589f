package com.grow.payments.shared.merchant;

import java.util.Arrays;
import java.util.Optional;

/** What a Toss merchant is used for; each flow has exactly one merchant ({@code toss.merchants.<name>.flows}). */
public enum MerchantFlow {
    CARD("card"),
    BILLING("billing"),
    VIRTUAL_ACCOUNT("virtual-account"),
    CASH_RECEIPT("cash-receipt");

    private final String key;

    MerchantFlow(String key) {
        this.key = key;
    }

    /** The word used in configuration, e.g. {@code virtual-account}. */
    public String key() {
        return key;
    }

    public static Optional<MerchantFlow> of(String key) {
        String word = key == null ? "" : key.strip();
        return Arrays.stream(values()).filter(flow -> flow.key.equalsIgnoreCase(word)).findFirst();
    }
}
