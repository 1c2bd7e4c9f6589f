package com.grow.payments.shared.merchant;

/** Which merchant new records of a flow are made at: new payments, billing keys, cash receipts. */
public interface MerchantRouting {

    /** The name of the one merchant serving the flow. */
    String merchantFor(MerchantFlow flow);
}
