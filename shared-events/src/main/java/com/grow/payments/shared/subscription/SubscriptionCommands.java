package com.grow.payments.shared.subscription;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the Subscription aggregate. */
public final class SubscriptionCommands {

    private SubscriptionCommands() {
    }

    /** Charge {@code amount} every cycle from {@code startAt} on the member's billing key. */
    public record StartSubscription(@TargetAggregateIdentifier String subscriptionId, Caller caller,
                                    String billingKeyId, String customerKey, String planId, String orderName, Money amount, Cycle cycle,
                                    Instant startAt, String merchant, Money taxFreeAmount) {

        public StartSubscription(String subscriptionId, Caller caller, String billingKeyId, String customerKey,
                                 String planId, String orderName, Money amount, Cycle cycle, Instant startAt) {
            this(subscriptionId, caller, billingKeyId, customerKey, planId, orderName, amount, cycle, startAt, null,
                    null);
        }
    }

    /** The scheduler found the subscription due at {@code now}: charge the due cycle, once. */
    public record ChargeDueCycle(@TargetAggregateIdentifier String subscriptionId, Instant now) {
    }

    /** Toss approved the cycle's charge: a payment of {@code type} for {@code amount} under {@code orderId}. */
    public record RecordCycleCharged(@TargetAggregateIdentifier String subscriptionId, int cycleNo, String orderId,
                                     String paymentKey, Money amount, Instant chargedAt,
                                     PgPaymentType type) {
    }

    /** Toss declined the cycle's charge; {@code hard} when retrying cannot help. */
    public record RecordCycleChargeFailed(@TargetAggregateIdentifier String subscriptionId, int cycleNo,
                                          Failure failure, boolean hard, Instant failedAt,
                                          List<Duration> retryDelays) {
    }

    /**
     * Whether this attempt of the cycle is still the charge the subscription waits for (answers a
     * Boolean): a request parked in the dead-letter queue and retried late may no longer be.
     */
    public record CheckChargeWanted(@TargetAggregateIdentifier String subscriptionId, int cycleNo, int attempt) {
    }

    /** What a look-up by the cycle's order id found ({@code pg} null: Toss has no such order). */
    public record ReconcileCycleCharge(@TargetAggregateIdentifier String subscriptionId, int cycleNo,
                                       PgPayment pg, Instant checkedAt,
                                       List<Duration> retryDelays) {
    }

    /** Toss's answer to the charge is not known: a look-up by the cycle's order id settles it. */
    public record RecordCycleChargeUnknown(@TargetAggregateIdentifier String subscriptionId, int cycleNo,
                                           String reason) {
    }

    public record CancelSubscription(@TargetAggregateIdentifier String subscriptionId, Caller caller, String reason) {
    }

    /** After the member fixed their card: charge the overdue cycle once and go back to ACTIVE. */
    public record ResumeSubscription(@TargetAggregateIdentifier String subscriptionId, Caller caller, Instant now) {
    }

    /** The member's card for this subscription becomes {@code billingKeyId} (an ACTIVE key of theirs). */
    public record ChangeSubscriptionBillingKey(@TargetAggregateIdentifier String subscriptionId, Caller caller,
                                               String billingKeyId, String customerKey) {
    }

    /** No more charges until resumed (e.g. its billing key was deleted). */
    public record SuspendSubscription(@TargetAggregateIdentifier String subscriptionId, String reason) {
    }
}
