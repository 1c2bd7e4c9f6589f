package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.OrderId;

/** Every record at one merchant. */
public record FixedMerchantOf(String merchant) implements MerchantOf {

    public FixedMerchantOf() {
        this("default");
    }

    @Override
    public String order(OrderId orderId) {
        return merchant;
    }

    @Override
    public String billingKey(String billingKeyId) {
        return merchant;
    }
}
