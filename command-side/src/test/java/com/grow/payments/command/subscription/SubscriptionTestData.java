package com.grow.payments.command.subscription;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.PgPaymentType;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.Cycle;
import com.grow.payments.shared.subscription.SubscriptionCanceled;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.StartSubscription;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import com.grow.payments.shared.subscription.SubscriptionSuspended;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One member's monthly subscription, anchored on Jan 31 in Seoul, as the subscription tests share it. */
final class SubscriptionTestData {

    static final String SUB = "sub-0001";
    static final MemberId OWNER = new MemberId("member-owner");
    static final MemberId STRANGER = new MemberId("member-stranger");
    static final String BILLING_KEY_ID = "bk_test_0001";
    static final String CUSTOMER_KEY = "cust_owner_0001";
    static final String PLAN = "plan-monthly";
    static final String ORDER_NAME = "GROW 월간 멤버십";
    static final Money AMOUNT = Money.won(9_900);
    /** 10:00 on 2027-01-31 in Seoul. */
    static final Instant ANCHOR = Instant.parse("2027-01-31T01:00:00Z");
    /** Cycle 2: Feb has no 31st, so the last day of Feb, same time of day. */
    static final Instant CYCLE_2_DUE = Instant.parse("2027-02-28T01:00:00Z");
    static final Instant CHARGED_AT = ANCHOR.plusSeconds(3);
    static final Instant FAILED_AT = ANCHOR.plusSeconds(5);
    static final List<Duration> DELAYS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    static final Failure REJECTED = new Failure("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족");
    static final Failure EXPIRED_CARD = new Failure("INVALID_CARD_EXPIRATION", "카드 정보를 다시 확인해주세요.");
    static final String CANCEL_REASON = "더 이상 필요 없음";

    private SubscriptionTestData() {
    }

    static Caller owner() {
        return new Caller(OWNER, false);
    }

    static Caller stranger() {
        return new Caller(STRANGER, false);
    }

    static StartSubscription start(Money amount) {
        return new StartSubscription(SUB, owner(), BILLING_KEY_ID, CUSTOMER_KEY, PLAN, ORDER_NAME, amount,
                Cycle.MONTHLY, ANCHOR);
    }

    static SubscriptionStarted started() {
        return new SubscriptionStarted(SUB, OWNER.value(), BILLING_KEY_ID, CUSTOMER_KEY, PLAN, ORDER_NAME, AMOUNT,
                Cycle.MONTHLY, ANCHOR);
    }

    static String orderId(int cycleNo) {
        return ChargeOrderIds.of(SUB, cycleNo);
    }

    static String paymentKey(int cycleNo) {
        return "tbill_pay_" + cycleNo;
    }

    static SubscriptionChargeRequested chargeRequested(int cycleNo, int attempt) {
        return new SubscriptionChargeRequested(SUB, cycleNo, orderId(cycleNo), attempt, OWNER.value(), BILLING_KEY_ID,
                CUSTOMER_KEY, ORDER_NAME, AMOUNT);
    }

    static RecordCycleCharged recordCharged(int cycleNo) {
        return new RecordCycleCharged(SUB, cycleNo, orderId(cycleNo), paymentKey(cycleNo), AMOUNT, CHARGED_AT,
                PgPaymentType.BILLING);
    }

    static SubscriptionCharged charged(int cycleNo, Instant nextChargeAt) {
        return new SubscriptionCharged(SUB, cycleNo, orderId(cycleNo), paymentKey(cycleNo), AMOUNT, CHARGED_AT,
                nextChargeAt);
    }

    static RecordCycleChargeFailed recordFailed(int cycleNo, Failure failure, boolean hard) {
        return new RecordCycleChargeFailed(SUB, cycleNo, failure, hard, FAILED_AT, DELAYS);
    }

    static SubscriptionChargeFailed chargeFailed(int cycleNo, Failure failure, int failedAttempts, Instant retryAt) {
        return new SubscriptionChargeFailed(SUB, cycleNo, orderId(cycleNo), failure, failedAttempts, retryAt);
    }

    /** Cycle 1 declined {@code failures} times in a row, each waiting its delay; nothing in flight. */
    static List<Object> declinedTimes(int failures) {
        List<Object> history = new ArrayList<>(List.of(started()));
        for (int attempt = 1; attempt <= failures; attempt++) {
            history.add(chargeRequested(1, attempt));
            history.add(chargeFailed(1, REJECTED, attempt, retryAt(attempt)));
        }
        return history;
    }

    /** When the {@code failures}th decline is retried. */
    static Instant retryAt(int failures) {
        return FAILED_AT.plus(DELAYS.get(failures - 1));
    }

    static SubscriptionSuspended suspended(String reason) {
        return new SubscriptionSuspended(SUB, OWNER.value(), reason);
    }

    static SubscriptionCanceled canceled() {
        return new SubscriptionCanceled(SUB, OWNER.value(), CANCEL_REASON);
    }

    /** Toss's record of cycle 1's charge, as a look-up by its order id finds it. */
    static PgPayment pg(PgPaymentStatus status, Instant approvedAt, Failure failure) {
        return new PgPayment(new PaymentKey(paymentKey(1)), new OrderId(orderId(1)), status.name(), AMOUNT, AMOUNT, "카드",
                null, null, "tx_1", approvedAt, List.of(), failure).ofType(PgPaymentType.BILLING);
    }

    static SubscriptionStatus statusOf(Subscription subscription) {
        try {
            var field = Subscription.class.getDeclaredField("status");
            field.setAccessible(true);
            return (SubscriptionStatus) field.get(subscription);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Subscription has no status field", e);
        }
    }
}
