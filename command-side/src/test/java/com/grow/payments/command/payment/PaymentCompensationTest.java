package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.OTHER_KEY;
import static com.grow.payments.command.payment.PaymentTestData.REJECTED;
import static com.grow.payments.command.payment.PaymentTestData.SESSION_EXPIRED;
import static com.grow.payments.command.payment.PaymentTestData.TAMPERED;
import static com.grow.payments.command.payment.PaymentTestData.admin;
import static com.grow.payments.command.payment.PaymentTestData.approval;
import static com.grow.payments.command.payment.PaymentTestData.approved;
import static com.grow.payments.command.payment.PaymentTestData.cancel;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.pgCancel;
import static com.grow.payments.command.payment.PaymentTestData.rejectedWith;
import static com.grow.payments.command.payment.PaymentTestData.requested;
import static com.grow.payments.command.payment.PaymentTestData.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Money Toss took that the payment cannot keep is refunded in full (RefundApprovedPayment). */
class PaymentCompensationTest {

    private static final PgCancel REFUND = pgCancel("tx_refund", AMOUNT);
    private static final PaymentDeclined DECLINED = new PaymentDeclined(ORDER, KEY, REJECTED);
    private static final PaymentExpired EXPIRED = new PaymentExpired(ORDER, KEY, SESSION_EXPIRED);
    private static final PaymentCompensationStarted COMPENSATING =
            new PaymentCompensationStarted(ORDER, KEY, AMOUNT, "APPROVED_AFTER_ABORTED");

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    // --- approvals that arrive after a failure

    @Test
    void an_approval_after_a_decline_starts_a_compensation_of_the_amount_toss_approved() {
        fixture.given(checkedOut(), requested(), DECLINED)
                .when(approval(KEY, AMOUNT))
                .expectEvents(new PaymentCompensationStarted(ORDER, KEY, AMOUNT, "APPROVED_AFTER_ABORTED"))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.UNKNOWN));
    }

    @Test
    void an_approval_after_an_expiry_starts_a_compensation() {
        fixture.given(checkedOut(), requested(), EXPIRED)
                .when(approval(KEY, TAMPERED))
                .expectEvents(new PaymentCompensationStarted(ORDER, KEY, TAMPERED, "APPROVED_AFTER_EXPIRED"));
    }

    @Test
    void an_approval_after_a_decline_for_another_payment_key_changes_nothing() {
        fixture.given(checkedOut(), requested(), DECLINED)
                .when(approval(OTHER_KEY, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_repeated_approval_while_compensating_starts_nothing_more() {
        fixture.given(checkedOut(), requested(), DECLINED, COMPENSATING)
                .when(approval(KEY, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- the refund

    @Test
    void the_refund_of_a_compensation_is_recorded_and_the_payment_ends_canceled() {
        fixture.given(checkedOut(), requested(), DECLINED, COMPENSATING)
                .when(new RecordCompensation(ORDER, REFUND))
                .expectEvents(new PaymentCompensated(ORDER, "APPROVED_AFTER_ABORTED", REFUND.transactionKey(), AMOUNT,
                        REFUND.canceledAt()))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.CANCELED));
    }

    @Test
    void the_refund_of_an_amount_mismatch_carries_its_reason() {
        PgCancel refund = pgCancel("tx_refund_mismatch", TAMPERED);
        fixture.given(checkedOut(), requested(), new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"),
                        new PaymentCompensationStarted(ORDER, KEY, TAMPERED, "AMOUNT_MISMATCH"))
                .when(new RecordCompensation(ORDER, refund))
                .expectEvents(new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx_refund_mismatch", TAMPERED,
                        refund.canceledAt()));
    }

    @Test
    void the_same_refund_recorded_again_changes_nothing() {
        fixture.given(checkedOut(), requested(), DECLINED, COMPENSATING, compensated())
                .when(new RecordCompensation(ORDER, REFUND))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_refund_of_a_payment_that_is_not_being_compensated_changes_nothing() {
        fixture.given(checkedOut(), requested(), approved())
                .when(new RecordCompensation(ORDER, REFUND))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_compensated_payment_cannot_be_cancelled() {
        fixture.given(checkedOut(), requested(), DECLINED, COMPENSATING, compensated())
                .when(cancel(admin(), "c1", null))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_CANCELABLE))
                .expectNoEvents();
    }

    @Test
    void a_payment_being_compensated_cannot_be_cancelled() {
        fixture.given(checkedOut(), requested(), DECLINED, COMPENSATING)
                .when(cancel(admin(), "c1", null))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_CANCELABLE))
                .expectNoEvents();
    }

    // --- the operator

    @Test
    void a_payment_the_janitor_gave_up_on_is_flagged_for_an_operator() {
        fixture.given(checkedOut(), requested(), new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"))
                .when(new FlagPaymentForOperator(ORDER, "unresolved after 30 look-ups"))
                .expectEvents(new PaymentNeedsAttention(ORDER, "unresolved after 30 look-ups"));
    }

    @Test
    void a_payment_already_flagged_is_not_flagged_twice() {
        fixture.given(checkedOut(), requested(), new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"),
                        new PaymentNeedsAttention(ORDER, "unresolved after 30 look-ups"))
                .when(new FlagPaymentForOperator(ORDER, "unresolved after 30 look-ups"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static PaymentCompensated compensated() {
        return new PaymentCompensated(ORDER, "APPROVED_AFTER_ABORTED", REFUND.transactionKey(), AMOUNT,
                REFUND.canceledAt());
    }

    @Test
    void a_repeated_decline_while_a_late_approval_is_being_refunded_changes_nothing() {
        new AggregateTestFixture<>(Payment.class)
                .given(checkedOut(), requested(), new PaymentDeclined(ORDER, KEY, REJECTED),
                        new PaymentCompensationStarted(ORDER, KEY, AMOUNT, "APPROVED_AFTER_ABORTED"))
                .when(new RecordPaymentDecline(ORDER, KEY, REJECTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_repeated_expiry_while_a_late_approval_is_being_refunded_changes_nothing() {
        new AggregateTestFixture<>(Payment.class)
                .given(checkedOut(), requested(), new PaymentExpired(ORDER, KEY, REJECTED),
                        new PaymentCompensationStarted(ORDER, KEY, AMOUNT, "APPROVED_AFTER_EXPIRED"))
                .when(new RecordPaymentExpiry(ORDER, KEY, REJECTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
