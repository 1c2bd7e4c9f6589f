package com.grow.payments.sagas.payment;

import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import jakarta.inject.Inject;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * RefundApprovedPayment: Toss approved a payment that cannot stand (another amount than checked
 * out, or after it was recorded as failed). The whole approval is refunded at Toss with its own
 * step key; if Toss's answer is not known, the janitor's look-up sends the same refund again.
 */
public class PaymentCompensationSaga {

    private String orderId;

    @Inject
    private transient CompensatingRefund compensatingRefund;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentCompensationStarted event) {
        orderId = event.orderId().value();
        compensatingRefund.refund(event.orderId(), event.paymentKey(), event.reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentCompensated event) {
        // refunded in full
    }

    public String getOrderId() {
        return orderId;
    }
}
