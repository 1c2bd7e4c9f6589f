package com.grow.payments.query.subscription;

import com.grow.payments.shared.subscription.SubscriptionEvent;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionView;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds subscription_view from the subscription events, each applied once (by sequence). */
@Component
@ProcessingGroup(SubscriptionProjection.NAME)
public class SubscriptionProjection {

    public static final String NAME = "subscription-history";

    private final SubscriptionViewRepository views;

    public SubscriptionProjection(SubscriptionViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(SubscriptionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.insert(SubscriptionView.started(event), sequence, at);
    }

    @EventHandler
    void on(SubscriptionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.find(event.subscriptionId())
                .filter(stored -> stored.lastSequence() < sequence)
                .ifPresent(stored -> views.update(stored.view().apply(event), sequence, at));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
