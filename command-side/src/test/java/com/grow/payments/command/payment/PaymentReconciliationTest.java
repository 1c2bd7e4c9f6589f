package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.APPROVED_AT;
import static com.grow.payments.command.payment.PaymentTestData.CARD;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.RECEIPT;
import static com.grow.payments.command.payment.PaymentTestData.REJECTED;
import static com.grow.payments.command.payment.PaymentTestData.SESSION_EXPIRED;
import static com.grow.payments.command.payment.PaymentTestData.TAMPERED;
import static com.grow.payments.command.payment.PaymentTestData.approved;
import static com.grow.payments.command.payment.PaymentTestData.cancelRequested;
import static com.grow.payments.command.payment.PaymentTestData.cancelled;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.pg;
import static com.grow.payments.command.payment.PaymentTestData.pgCancel;
import static com.grow.payments.command.payment.PaymentTestData.requested;
import static com.grow.payments.command.payment.PaymentTestData.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCommands.ReconcilePayment;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The janitor's look-up at Toss, as the aggregate settles it. */
class PaymentReconciliationTest {

    /** When the confirmation was asked of Toss: the fixture stamps the given events with it. */
    private static final Instant CONFIRMING_AT = Instant.parse("2025-03-01T10:00:30Z");
    /** When a cancel was asked of Toss, a day later. */
    private static final Instant CANCELLING_AT = Instant.parse("2025-03-02T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-01T11:00:00Z");
    private static final Duration TWELVE_MINUTES = Duration.ofMinutes(12);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final PgCancel EARLIER = pgCancel("tx_cancel_0", Money.won(1_000));
    private static final PgCancel ASKED = pgCancel("tx_cancel_1", Money.won(5_000));
    private static final PgCancel REFUND = pgCancel("tx_refund", TAMPERED);

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    // --- a confirmation whose answer is not known

    @Test
    void toss_approval_of_the_same_key_and_amount_settles_an_unknown_payment_as_approved() {
        givenAnUnknownOutcome()
                .when(reconcile(pg(PgPaymentStatus.DONE, AMOUNT, AMOUNT, List.of(), null), CONFIRMING_AT.plusSeconds(10)))
                .expectEvents(new PaymentApproved(ORDER, KEY, AMOUNT, "카드", CARD, RECEIPT, "tx_1", APPROVED_AT))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @Test
    void toss_approval_of_another_amount_starts_a_compensation_and_stays_unresolved() {
        givenAnUnknownOutcome()
                .when(reconcile(pg(PgPaymentStatus.DONE, TAMPERED, TAMPERED, List.of(), null), CONFIRMING_AT.plusSeconds(10)))
                .expectEvents(new PaymentCompensationStarted(ORDER, KEY, TAMPERED, "AMOUNT_MISMATCH"))
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    @Test
    void toss_aborted_settles_a_payment_in_progress_as_declined_with_tosss_failure() {
        givenInProgress()
                .when(reconcile(pg(PgPaymentStatus.ABORTED, AMOUNT, AMOUNT, List.of(), REJECTED), CONFIRMING_AT.plusSeconds(10)))
                .expectEvents(new PaymentDeclined(ORDER, KEY, REJECTED))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @Test
    void toss_expired_settles_a_payment_in_progress_as_expired() {
        givenInProgress()
                .when(reconcile(pg(PgPaymentStatus.EXPIRED, AMOUNT, AMOUNT, List.of(), SESSION_EXPIRED),
                        CONFIRMING_AT.plusSeconds(10)))
                .expectEvents(new PaymentExpired(ORDER, KEY, SESSION_EXPIRED))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @Test
    void toss_still_in_progress_leaves_the_payment_unresolved() {
        givenInProgress()
                .when(reconcile(pg(PgPaymentStatus.IN_PROGRESS, AMOUNT, AMOUNT, List.of(), null), CONFIRMING_AT.plusSeconds(10)))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    @Test
    void no_payment_at_toss_within_the_confirm_window_is_unresolved() {
        givenAnUnknownOutcome()
                .when(reconcile(null, CONFIRMING_AT.plus(TWELVE_MINUTES)))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    @Test
    void no_payment_at_toss_after_the_confirm_window_settles_it_as_expired() {
        givenAnUnknownOutcome()
                .when(reconcile(null, CONFIRMING_AT.plus(TWELVE_MINUTES).plusSeconds(1)))
                .expectEvents(new PaymentExpired(ORDER, KEY,
                        new Failure("NOT_FOUND_PAYMENT", "Toss has no payment for this order")))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    // --- a cancel whose answer is not known

    @Test
    void a_cancel_toss_made_but_the_payment_did_not_record_is_recorded_with_tosss_balance() {
        PgPayment atToss = pg(PgPaymentStatus.PARTIAL_CANCELED, AMOUNT, Money.won(9_000), List.of(EARLIER, ASKED), null);
        givenAnUnknownCancel()
                .when(reconcile(atToss, CANCELLING_AT.plusSeconds(10)))
                .expectEvents(cancelled("c1", ASKED, Money.won(9_000)))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED)
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.PARTIAL_CANCELED));
    }

    @Test
    void no_cancel_at_toss_within_a_minute_of_asking_is_unresolved() {
        givenAnUnknownCancel()
                .when(reconcile(pg(PgPaymentStatus.PARTIAL_CANCELED, AMOUNT, Money.won(14_000), List.of(EARLIER), null),
                        CANCELLING_AT.plus(ONE_MINUTE)))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    @Test
    void no_cancel_at_toss_a_minute_after_asking_settles_it_as_refused() {
        givenAnUnknownCancel()
                .when(reconcile(pg(PgPaymentStatus.PARTIAL_CANCELED, AMOUNT, Money.won(14_000), List.of(EARLIER), null),
                        CANCELLING_AT.plus(ONE_MINUTE).plusSeconds(1)))
                .expectEvents(new PaymentCancelRefused(ORDER, "c1",
                        new Failure("NOT_PROCESSED_AT_PG", "Toss has no record of this cancel; nothing was refunded")))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @Test
    void no_answer_about_the_payment_leaves_a_pending_cancel_unresolved() {
        givenAnUnknownCancel()
                .when(reconcile(null, CANCELLING_AT.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    // --- a compensation under way

    @Test
    void a_refund_toss_made_settles_the_compensation_as_canceled() {
        givenACompensation()
                .when(reconcile(pg(PgPaymentStatus.CANCELED, TAMPERED, Money.won(0), List.of(REFUND), null), LATER))
                .expectEvents(new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", REFUND.transactionKey(), TAMPERED,
                        REFUND.canceledAt()))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED)
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.CANCELED));
    }

    @Test
    void money_toss_still_holds_asks_for_the_compensating_refund_again() {
        givenACompensation()
                .when(reconcile(pg(PgPaymentStatus.DONE, TAMPERED, TAMPERED, List.of(), null), LATER))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.RETRY_COMPENSATION);
    }

    @Test
    void no_answer_about_a_compensated_payment_is_unresolved() {
        givenACompensation()
                .when(reconcile(null, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    // --- nothing open

    @Test
    void a_settled_payment_is_settled_and_changes_nothing() {
        fixture.given(checkedOut(), requested(), approved())
                .when(reconcile(pg(PgPaymentStatus.DONE, AMOUNT, AMOUNT, List.of(), null), LATER))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    // --- fixtures

    private TestExecutor<Payment> givenInProgress() {
        return fixture.givenCurrentTime(CONFIRMING_AT).andGiven(checkedOut(), requested());
    }

    private TestExecutor<Payment> givenAnUnknownOutcome() {
        return givenInProgress().andGiven(new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));
    }

    private TestExecutor<Payment> givenAnUnknownCancel() {
        return fixture.givenCurrentTime(CONFIRMING_AT)
                .andGiven(checkedOut(), requested(), approved(), cancelRequested("c0", EARLIER.cancelAmount()),
                        cancelled("c0", EARLIER, Money.won(14_000)))
                .andGivenCurrentTime(CANCELLING_AT)
                .andGiven(cancelRequested("c1", ASKED.cancelAmount()),
                        new PaymentCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT"));
    }

    private TestExecutor<Payment> givenACompensation() {
        return givenAnUnknownOutcome()
                .andGiven(new PaymentCompensationStarted(ORDER, KEY, TAMPERED, "AMOUNT_MISMATCH"));
    }

    private static ReconcilePayment reconcile(PgPayment pg, Instant checkedAt) {
        return new ReconcilePayment(ORDER, pg, checkedAt);
    }
}
