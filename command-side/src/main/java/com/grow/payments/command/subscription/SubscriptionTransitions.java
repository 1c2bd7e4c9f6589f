package com.grow.payments.command.subscription;

import static com.grow.payments.shared.subscription.SubscriptionStatus.ACTIVE;
import static com.grow.payments.shared.subscription.SubscriptionStatus.CANCELED;
import static com.grow.payments.shared.subscription.SubscriptionStatus.PAST_DUE;
import static com.grow.payments.shared.subscription.SubscriptionStatus.SUSPENDED;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every status change a subscription may make, in one table, as {@code PaymentTransitions} is for
 * a payment. Every event that moves the status ({@code SubscriptionEventStatus}) passes
 * {@link #check} in the aggregate's one gate before it is applied. A subscription is born
 * {@code ACTIVE}; CANCELED is the end.
 */
final class SubscriptionTransitions {

    private static final Map<SubscriptionStatus, Set<SubscriptionStatus>> ALLOWED = new EnumMap<>(SubscriptionStatus.class);

    static {
        // a failed charge with a retry ahead; the last failure, or an operator, suspends it
        ALLOWED.put(ACTIVE, EnumSet.of(PAST_DUE, SUSPENDED, CANCELED));
        // the overdue cycle paid (or the member resumes it) brings it back on time
        ALLOWED.put(PAST_DUE, EnumSet.of(ACTIVE, SUSPENDED, CANCELED));
        // only the member's resume brings it back
        ALLOWED.put(SUSPENDED, EnumSet.of(ACTIVE, CANCELED));
        ALLOWED.put(CANCELED, EnumSet.noneOf(SubscriptionStatus.class));
    }

    private SubscriptionTransitions() {
    }

    /** Whether a subscription in {@code from} ({@code null}: none yet) may become {@code to}. */
    static boolean allows(SubscriptionStatus from, SubscriptionStatus to) {
        return from == null ? to == ACTIVE : ALLOWED.get(from).contains(to);
    }

    /** Rejects a transition the table does not list. */
    static void check(SubscriptionStatus from, SubscriptionStatus to) {
        if (!allows(from, to)) {
            throw new PaymentRejection(ErrorCode.INVALID_STATE_TRANSITION,
                    "a subscription in " + from + " cannot become " + to);
        }
    }
}
