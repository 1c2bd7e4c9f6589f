package com.grow.payments.command.payment.web;

import com.grow.payments.shared.IdNamespaces;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;

/** The order id of a caller's checkout or virtual account: the one they chose, or a new one. */
public final class CallerOrderIds {

    private CallerOrderIds() {
    }

    /** 400 ORDER_ID_RESERVED for an id in a namespace the service keeps for its own charges. */
    public static OrderId chosenOrNew(String requested) {
        if (requested == null) {
            return OrderId.generate();
        }
        if (IdNamespaces.isReservedOrderId(requested)) {
            throw new PaymentRejection(ErrorCode.ORDER_ID_RESERVED,
                    "order ids starting with a service prefix (sub_, bk_) are the service's own");
        }
        return new OrderId(requested);
    }
}
