package com.grow.payments.shared.subscription;

import java.util.Optional;

/**
 * Which status each subscription event leaves a subscription in, written once: the aggregate's
 * sourcing handlers and {@link SubscriptionView}'s fold both read it. A charge's outcome moves the
 * status only between {@code ACTIVE} and {@code PAST_DUE}: a late answer to a suspended or
 * canceled subscription leaves it as it is.
 */
public final class SubscriptionEventStatus {

    private SubscriptionEventStatus() {
    }

    /** The status {@code event} moves a subscription in {@code current} to, or empty when it stays. */
    public static Optional<SubscriptionStatus> of(Object event, SubscriptionStatus current) {
        SubscriptionStatus next = after(event, current);
        return next == current ? Optional.empty() : Optional.of(next);
    }

    /** The status after {@code event} of a subscription in {@code current} ({@code null}: none yet). */
    public static SubscriptionStatus after(Object event, SubscriptionStatus current) {
        if (event instanceof SubscriptionStarted || event instanceof SubscriptionResumed) {
            return SubscriptionStatus.ACTIVE;
        }
        if (event instanceof SubscriptionCharged) {
            // the overdue cycle is paid: back on time
            return current == SubscriptionStatus.PAST_DUE ? SubscriptionStatus.ACTIVE : current;
        }
        if (event instanceof SubscriptionChargeFailed e) {
            // a failure with a retry ahead makes it overdue; the last one comes with a suspension
            return e.nextRetryAt() != null && current == SubscriptionStatus.ACTIVE ? SubscriptionStatus.PAST_DUE
                    : current;
        }
        if (event instanceof SubscriptionSuspended) {
            return SubscriptionStatus.SUSPENDED;
        }
        if (event instanceof SubscriptionCanceled) {
            return SubscriptionStatus.CANCELED;
        }
        return current;
    }
}
