package com.grow.payments.query.billing;

import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyView;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds billing_key_view from the billing-key events, each applied once (by sequence). */
@Component
@ProcessingGroup(BillingKeyProjection.NAME)
public class BillingKeyProjection {

    public static final String NAME = "billing-key-history";

    private final BillingKeyViewRepository views;

    public BillingKeyProjection(BillingKeyViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(BillingKeyIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.insert(BillingKeyView.issued(event), sequence, at);
    }

    @EventHandler
    void on(BillingKeyDeletionRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.billingKeyId(), event, sequence, at);
    }

    @EventHandler
    void on(BillingKeyDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.billingKeyId(), event, sequence, at);
    }

    private void apply(String billingKeyId, Object event, long sequence, Instant at) {
        views.find(billingKeyId)
                .filter(stored -> stored.lastSequence() < sequence)
                .ifPresent(stored -> views.update(stored.view().apply(event), sequence, at));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
