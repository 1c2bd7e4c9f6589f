package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.APPROVED_AT;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.OWNER_WINDOW;
import static com.grow.payments.command.payment.PaymentTestData.REASON;
import static com.grow.payments.command.payment.PaymentTestData.REJECTED;
import static com.grow.payments.command.payment.PaymentTestData.STRANGER;
import static com.grow.payments.command.payment.PaymentTestData.admin;
import static com.grow.payments.command.payment.PaymentTestData.approved;
import static com.grow.payments.command.payment.PaymentTestData.cancel;
import static com.grow.payments.command.payment.PaymentTestData.cancelAt;
import static com.grow.payments.command.payment.PaymentTestData.cancelRequested;
import static com.grow.payments.command.payment.PaymentTestData.cancelled;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.owner;
import static com.grow.payments.command.payment.PaymentTestData.pgCancel;
import static com.grow.payments.command.payment.PaymentTestData.rejectedWith;
import static com.grow.payments.command.payment.PaymentTestData.requested;
import static com.grow.payments.command.payment.PaymentTestData.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelRefusal;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancellation;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentCancelTest {

    private static final PgCancel FIRST = pgCancel("tx_cancel_1", Money.won(5_000));
    private static final PgCancel REST = pgCancel("tx_cancel_2", Money.won(10_000));

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    // --- asking for a cancel

    @Test
    void a_full_cancel_of_an_approved_payment_asks_toss_for_the_whole_balance_under_its_payment_key() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancel(owner(), "c1", null))
                .expectEvents(new PaymentCancelRequested(ORDER, KEY, "c1", REASON, AMOUNT, null));
    }

    @Test
    void a_partial_cancel_asks_toss_for_the_amount_given() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancel(owner(), "c1", Money.won(5_000)))
                .expectEvents(cancelRequested("c1", Money.won(5_000)));
    }

    @Test
    void a_full_cancel_after_a_partial_one_asks_for_what_is_left() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)),
                        cancelled("c1", FIRST, Money.won(10_000)))
                .when(cancel(owner(), "c2", null))
                .expectEvents(cancelRequested("c2", Money.won(10_000)));
    }

    @Test
    void a_cancel_over_the_balance_is_rejected_without_any_event() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)),
                        cancelled("c1", FIRST, Money.won(10_000)))
                .when(cancel(owner(), "c2", Money.won(10_001)))
                .expectException(rejectedWith(ErrorCode.CANCEL_AMOUNT_EXCEEDS_BALANCE))
                .expectNoEvents();
    }

    @Test
    void a_cancel_of_zero_won_is_rejected_as_invalid() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancel(owner(), "c1", Money.won(0)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unapprovedPayments")
    void a_payment_toss_has_not_approved_cannot_be_cancelled(PaymentStatus status, List<Object> history) {
        fixture.given(history)
                .when(cancel(admin(), "c1", null))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_CANCELABLE))
                .expectNoEvents();
    }

    static Stream<Arguments> unapprovedPayments() {
        return Stream.of(
                Arguments.of(PaymentStatus.READY, List.of(checkedOut())),
                Arguments.of(PaymentStatus.IN_PROGRESS, List.of(checkedOut(), requested())),
                Arguments.of(PaymentStatus.ABORTED, List.of(checkedOut(), requested(), new PaymentDeclined(ORDER, KEY, REJECTED))));
    }

    @Test
    void a_second_cancel_while_one_is_pending_is_rejected_as_in_progress() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)))
                .when(cancel(owner(), "c2", Money.won(1_000)))
                .expectException(rejectedWith(ErrorCode.CANCEL_IN_PROGRESS))
                .expectNoEvents();
    }

    @Test
    void the_same_cancel_step_again_while_pending_is_not_asked_of_toss_twice() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)))
                .when(cancel(owner(), "c1", Money.won(5_000)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_same_cancel_step_again_after_it_settled_is_not_asked_of_toss_twice() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)),
                        cancelled("c1", FIRST, Money.won(10_000)))
                .when(cancel(owner(), "c1", Money.won(5_000)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_owner_may_cancel_until_the_last_moment_of_the_window() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancelAt(owner(), "c1", null, APPROVED_AT.plus(OWNER_WINDOW)))
                .expectEvents(cancelRequested("c1", AMOUNT));
    }

    @Test
    void the_owner_after_the_window_is_rejected_as_window_closed() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancelAt(owner(), "c1", null, APPROVED_AT.plus(OWNER_WINDOW).plusSeconds(1)))
                .expectException(rejectedWith(ErrorCode.CANCEL_WINDOW_CLOSED))
                .expectNoEvents();
    }

    @Test
    void an_admin_may_cancel_after_the_owners_window() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancelAt(admin(), "c1", null, APPROVED_AT.plus(OWNER_WINDOW).plusSeconds(1)))
                .expectEvents(cancelRequested("c1", AMOUNT));
    }

    @Test
    void another_member_is_answered_as_not_found() {
        fixture.given(checkedOut(), requested(), approved())
                .when(cancel(new Caller(STRANGER, false), "c1", null))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_FOUND))
                .expectNoEvents();
    }

    // --- Toss's answers

    @Test
    void a_partial_cancellation_is_recorded_with_tosss_balance_as_partially_canceled() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)))
                .when(new RecordCancellation(ORDER, "c1", FIRST, Money.won(10_000)))
                .expectEvents(cancelled("c1", FIRST, Money.won(10_000)))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.PARTIAL_CANCELED));
    }

    @Test
    void a_full_cancellation_is_recorded_as_canceled() {
        PgCancel all = pgCancel("tx_cancel_all", AMOUNT);
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", AMOUNT))
                .when(new RecordCancellation(ORDER, "c1", all, Money.won(0)))
                .expectEvents(cancelled("c1", all, Money.won(0)))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.CANCELED));
    }

    @Test
    void a_cancel_made_at_tosss_console_before_ours_is_recorded_first_so_the_cancels_add_up_to_the_balance() {
        PgCancel console = new PgCancel("tx_console", Money.won(2), "refunded at the console", FIRST.canceledAt());
        PgCancel ours = pgCancel("tx_ours", Money.won(14_998));
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(14_998)))
                .when(new RecordCancellation(ORDER, "c1", ours, Money.won(0), List.of(console, ours)))
                .expectEvents(
                        new PaymentCancelled(ORDER, "toss:tx_console", "tx_console", Money.won(2),
                                "refunded at the console", console.canceledAt(), Money.won(14_998)),
                        cancelled("c1", ours, Money.won(0)))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.CANCELED));
    }

    @Test
    void a_repeated_cancellation_with_the_same_transaction_is_recorded_once() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)),
                        cancelled("c1", FIRST, Money.won(10_000)))
                .when(new RecordCancellation(ORDER, "c1", FIRST, Money.won(10_000)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void partial_cancels_that_add_up_to_the_total_end_canceled_with_nothing_left() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)),
                        cancelled("c1", FIRST, Money.won(10_000)), cancelRequested("c2", Money.won(10_000)))
                .when(new RecordCancellation(ORDER, "c2", REST, Money.won(0)))
                .expectEvents(cancelled("c2", REST, Money.won(0)))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.CANCELED));
    }

    @Test
    void a_fully_cancelled_payment_cannot_be_cancelled_again() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", Money.won(5_000)),
                        cancelled("c1", FIRST, Money.won(10_000)), cancelRequested("c2", Money.won(10_000)),
                        cancelled("c2", REST, Money.won(0)))
                .when(cancel(admin(), "c3", Money.won(1)))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_CANCELABLE))
                .expectExceptionMessage("a payment in CANCELED cannot be cancelled")
                .expectNoEvents();
    }

    @Test
    void a_refusal_is_recorded_and_a_new_cancel_is_then_accepted() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", AMOUNT))
                .when(new RecordCancelRefusal(ORDER, "c1", REJECTED))
                .expectEvents(new PaymentCancelRefused(ORDER, "c1", REJECTED));

        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", AMOUNT),
                        new PaymentCancelRefused(ORDER, "c1", REJECTED))
                .when(cancel(owner(), "c2", null))
                .expectEvents(cancelRequested("c2", AMOUNT));
    }

    @Test
    void a_refusal_of_a_cancel_that_is_not_pending_changes_nothing() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", AMOUNT))
                .when(new RecordCancelRefusal(ORDER, "c0", REJECTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_unknown_cancel_outcome_is_recorded_once() {
        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", AMOUNT))
                .when(new RecordCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT"))
                .expectEvents(new PaymentCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT"));

        fixture.given(checkedOut(), requested(), approved(), cancelRequested("c1", AMOUNT),
                        new PaymentCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT"))
                .when(new RecordCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
