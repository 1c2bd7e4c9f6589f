package com.grow.payments.shared.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.grow.payments.shared.merchant.Merchants;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.FailureCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription as its member sees it (the README's API walk-through), folded from its events;
 * {@code taxFreeAmount} is the tax-free part of each cycle's amount, {@code merchant} the Toss
 * merchant that charges it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        String subscriptionId,
        String memberId,
        String billingKeyId,
        String planId,
        String orderName,
        SubscriptionStatus status,
        Cycle cycle,
        long amount,
        String currency,
        Instant startedAt,
        Instant nextChargeAt,
        int failedAttempts,
        boolean chargeInProgress,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Charge> charges,
        boolean needsAttention,
        long taxFreeAmount,
        String merchant) {

    public SubscriptionView {
        charges = charges == null ? List.of() : List.copyOf(charges);
        // views stored before merchants existed are of the default merchant
        merchant = merchant == null ? Merchants.DEFAULT : merchant;
    }

    /** Nothing tax-free, at the default merchant. */
    public SubscriptionView(String subscriptionId, String memberId, String billingKeyId, String planId,
                            String orderName, SubscriptionStatus status, Cycle cycle, long amount, String currency,
                            Instant startedAt, Instant nextChargeAt, int failedAttempts, boolean chargeInProgress,
                            List<Charge> charges, boolean needsAttention) {
        this(subscriptionId, memberId, billingKeyId, planId, orderName, status, cycle, amount, currency, startedAt,
                nextChargeAt, failedAttempts, chargeInProgress, charges, needsAttention, 0, null);
    }

    /** One cycle's charge: DONE, FAILED (with Toss's reason), IN_PROGRESS or UNKNOWN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Charge(int cycleNo, String orderId, String status, long amount, String paymentKey,
                         Instant chargedAt, Failure failure, int attempt) {
    }

    public static SubscriptionView fold(List<?> events) {
        SubscriptionView view = null;
        for (Object event : events) {
            view = view == null ? started((SubscriptionStarted) event) : view.apply(event);
        }
        return view;
    }

    public static SubscriptionView started(SubscriptionStarted e) {
        return new SubscriptionView(e.subscriptionId(), e.memberId(), e.billingKeyId(), e.planId(), e.orderName(),
                SubscriptionEventStatus.after(e, null), e.cycle(), e.amount().amount(), e.amount().currency().name(), e.anchorAt(),
                e.anchorAt(), 0, false, List.of(), false, e.taxFreeAmount() == null ? 0 : e.taxFreeAmount().amount(),
                e.merchant());
    }

    public SubscriptionView apply(Object event) {
        SubscriptionStatus next = SubscriptionEventStatus.after(event, status);
        if (event instanceof SubscriptionChargeRequested e) {
            return with(status, nextChargeAt, failedAttempts, true, replaced(new Charge(e.cycleNo(), e.orderId(),
                    "IN_PROGRESS", e.amount().amount(), null, null, null, e.attempt())));
        }
        if (event instanceof SubscriptionCharged e) {
            return with(next, e.nextChargeAt(), 0, false, replaced(new Charge(e.cycleNo(),
                    e.orderId(), "DONE", e.amount().amount(), e.paymentKey(), e.chargedAt(), null, attemptOf(e.cycleNo()))));
        }
        if (event instanceof SubscriptionChargeFailed e) {
            return with(next, e.nextRetryAt() == null ? nextChargeAt : e.nextRetryAt(), e.failedAttempts(), false,
                    replaced(new Charge(e.cycleNo(), e.orderId(), "FAILED", amount, null, null, e.failure(),
                            attemptOf(e.cycleNo()))));
        }
        if (event instanceof SubscriptionChargeOutcomeUnknown e) {
            return with(status, nextChargeAt, failedAttempts, true, replaced(new Charge(e.cycleNo(), e.orderId(),
                    "UNKNOWN", amount, null, null, null, attemptOf(e.cycleNo()))));
        }
        if (event instanceof SubscriptionChargeNeedsAttention e) {
            // not paid, not failed: the charge waits for an operator, and the view says why
            List<Charge> flagged = replaced(new Charge(e.cycleNo(), e.orderId(), "UNKNOWN", amount, null, null,
                    FailureCode.NEEDS_ATTENTION.failure(e.reason()), attemptOf(e.cycleNo())));
            return new SubscriptionView(subscriptionId, memberId, billingKeyId, planId, orderName, status, cycle,
                    amount, currency, startedAt, nextChargeAt, failedAttempts, chargeInProgress, flagged, true,
                    taxFreeAmount, merchant);
        }
        if (event instanceof SubscriptionSuspended) {
            return with(next, null, failedAttempts, chargeInProgress, charges);
        }
        if (event instanceof SubscriptionCanceled) {
            return with(next, null, failedAttempts, chargeInProgress, charges);
        }
        if (event instanceof SubscriptionPaymentMethodChanged e) {
            return new SubscriptionView(subscriptionId, memberId, e.billingKeyId(), planId, orderName, status, cycle,
                    amount, currency, startedAt, nextChargeAt, failedAttempts, chargeInProgress, charges, needsAttention);
        }
        if (event instanceof SubscriptionResumed e) {
            return with(next, e.dueAt(), 0, chargeInProgress, charges);
        }
        return this;
    }

    private int attemptOf(int cycle) {
        return charges.stream().filter(c -> c.cycleNo() == cycle).mapToInt(Charge::attempt).max().orElse(1);
    }

    /** The charges with this cycle's entry replaced by the latest word on it. */
    private List<Charge> replaced(Charge latest) {
        List<Charge> next = new ArrayList<>();
        charges.stream().filter(c -> c.cycleNo() != latest.cycleNo()).forEach(next::add);
        next.add(latest);
        return next;
    }

    private SubscriptionView with(SubscriptionStatus nextStatus, Instant nextCharge, int failures, boolean charging,
                                  List<Charge> nextCharges) {
        return new SubscriptionView(subscriptionId, memberId, billingKeyId, planId, orderName, nextStatus, cycle,
                amount, currency, startedAt, nextCharge, failures, charging, nextCharges, needsAttention, taxFreeAmount,
                merchant);
    }
}
