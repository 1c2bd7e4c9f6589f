package com.grow.payments.command.payment;

import com.grow.payments.command.Rejections;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCommands.CancelPayment;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentApproval;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.PgPaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matcher;

/** One order's payment as the cancel, compensation and reconciliation tests share it. */
final class PaymentTestData {

    static final OrderId ORDER = new OrderId("ord_test_0001");
    static final MemberId OWNER = new MemberId("member-owner");
    static final MemberId STRANGER = new MemberId("member-stranger");
    static final PaymentKey KEY = new PaymentKey("tgen_key_first");
    static final PaymentKey OTHER_KEY = new PaymentKey("tgen_key_second");
    static final Money AMOUNT = Money.won(15_000);
    static final Money TAMPERED = Money.won(14_000);
    static final Instant REQUESTED_AT = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant APPROVED_AT = Instant.parse("2025-03-01T10:01:00Z");
    static final Instant CANCELED_AT = Instant.parse("2025-03-02T09:30:00Z");
    static final Duration OWNER_WINDOW = Duration.ofDays(7);
    static final String REASON = "단순 변심";
    static final String RECEIPT = "https://receipt.example/1";
    static final CardSummary CARD = new CardSummary("11", "41", "433012******1234", "신용", 0, "00000000");
    static final Failure REJECTED = new Failure("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족");
    static final Failure SESSION_EXPIRED = new Failure("NOT_FOUND_PAYMENT_SESSION", "결제 시간이 만료되었습니다");

    private PaymentTestData() {
    }

    static Caller owner() {
        return new Caller(OWNER, false);
    }

    static Caller admin() {
        return new Caller(STRANGER, true);
    }

    static PaymentCheckedOut checkedOut() {
        return new PaymentCheckedOut(ORDER, OWNER, "GROW 1개월 멤버십", AMOUNT, REQUESTED_AT);
    }

    static PaymentConfirmationRequested requested() {
        return new PaymentConfirmationRequested(ORDER, KEY, AMOUNT);
    }

    static PaymentApproved approved() {
        return new PaymentApproved(ORDER, KEY, AMOUNT, "카드", CARD, RECEIPT, "tx_1", APPROVED_AT);
    }

    static RecordPaymentApproval approval(PaymentKey key, Money amount) {
        return new RecordPaymentApproval(ORDER, key, amount, "카드", CARD, RECEIPT, "tx_1", APPROVED_AT);
    }

    /** A cancel asked a day after the approval, within the owner's window; null amount = all. */
    static CancelPayment cancel(Caller caller, String cancelId, Money amount) {
        return cancelAt(caller, cancelId, amount, APPROVED_AT.plus(Duration.ofDays(1)));
    }

    static CancelPayment cancelAt(Caller caller, String cancelId, Money amount, Instant at) {
        return new CancelPayment(ORDER, caller, cancelId, REASON, amount, null, at, OWNER_WINDOW);
    }

    static PaymentCancelRequested cancelRequested(String cancelId, Money amount) {
        return new PaymentCancelRequested(ORDER, KEY, cancelId, REASON, amount, null);
    }

    static PgCancel pgCancel(String transactionKey, Money amount) {
        return new PgCancel(transactionKey, amount, REASON, CANCELED_AT);
    }

    static PaymentCancelled cancelled(String cancelId, PgCancel cancel, Money balanceAfter) {
        return new PaymentCancelled(ORDER, cancelId, cancel.transactionKey(), cancel.cancelAmount(), REASON,
                cancel.canceledAt(), balanceAfter);
    }

    /** Toss's record of the order's payment under {@link #KEY}. */
    static PgPayment pg(PgPaymentStatus status, Money total, Money balance, List<PgCancel> cancels, Failure failure) {
        return new PgPayment(KEY, ORDER, status.name(), total, balance, "카드", CARD, RECEIPT, "tx_1", APPROVED_AT, cancels,
                failure);
    }

    static PaymentStatus statusOf(Payment payment) {
        try {
            var field = Payment.class.getDeclaredField("state");
            field.setAccessible(true);
            return ((PaymentState) field.get(payment)).snapshot().status();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Payment has no state field", e);
        }
    }

    static Matcher<PaymentRejection> rejectedWith(ErrorCode kind) {
        return Rejections.rejectedWith(kind);
    }
}
