package com.grow.payments.query.payment;

import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Builds payment_view from the payment events. Each row remembers the last sequence folded into
 * it, so an event delivered twice (after a crash, or a replay racing live traffic) is applied once.
 */
@Component
@ProcessingGroup(PaymentHistoryProjection.NAME)
public class PaymentHistoryProjection {

    public static final String NAME = "payment-history";

    private final PaymentViewRepository views;

    public PaymentHistoryProjection(PaymentViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(PaymentCheckedOut event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.insert(PaymentView.checkedOut(event), sequence, at);
    }

    @EventHandler
    void on(PaymentEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.find(event.orderId().value())
                .filter(stored -> stored.lastSequence() < sequence)
                .ifPresent(stored -> views.update(stored.view().apply(event), sequence, at));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
