package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.OrderId;

/**
 * The merchant a record was made at, as its own events say: every later call about it (look-up,
 * cancel, compensation, deletion) uses that merchant's key, whatever the configuration now routes
 * new records to. Records from before merchants existed belong to the default merchant.
 */
public interface MerchantOf {

    /** The merchant of the payment, or of the subscription charge, with this order id. */
    String order(OrderId orderId);

    /** The merchant that issued the billing key. */
    String billingKey(String billingKeyId);
}
