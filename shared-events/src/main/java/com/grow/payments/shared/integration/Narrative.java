package com.grow.payments.shared.integration;

import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.subscription.SubscriptionEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * What the published language needs to remember of one aggregate's history, folded from its
 * domain events oldest first. Domain events say only what changed; a published event says who
 * and what it was about (the member, the order name, the amount), so the publisher keeps this
 * fold and tells each event from the narrative as it stood before it.
 *
 * @param <N> the narrative's own type
 */
public interface Narrative<N extends Narrative<N>> {

    /** The published event this domain event means, if it means one; {@code at} is when it happened. */
    Optional<PaymentsV1.Data> tell(Object event, Instant at);

    /** The narrative after the event. */
    N apply(Object event);

    /** An empty narrative for the aggregate that emitted this event (its first or any other). */
    static Narrative<?> of(Object event) {
        if (event instanceof PaymentEvent) {
            return PaymentNarrative.EMPTY;
        }
        if (event instanceof SubscriptionEvent) {
            return SubscriptionNarrative.EMPTY;
        }
        return BillingKeyNarrative.INSTANCE;
    }
}
