package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.OTHER_KEY;
import static com.grow.payments.command.payment.PaymentTestData.OWNER;
import static com.grow.payments.command.payment.PaymentTestData.REJECTED;
import static com.grow.payments.command.payment.PaymentTestData.REQUESTED_AT;
import static com.grow.payments.command.payment.PaymentTestData.SESSION_EXPIRED;
import static com.grow.payments.command.payment.PaymentTestData.STRANGER;
import static com.grow.payments.command.payment.PaymentTestData.approval;
import static com.grow.payments.command.payment.PaymentTestData.approved;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.owner;
import static com.grow.payments.command.payment.PaymentTestData.rejectedWith;
import static com.grow.payments.command.payment.PaymentTestData.requested;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.PaymentCommands.CheckOutPayment;
import com.grow.payments.shared.payment.PaymentCommands.ConfirmPayment;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    // --- checkout

    @Test
    void checkout_records_the_member_order_name_and_amount() {
        fixture.givenNoPriorActivity()
                .when(new CheckOutPayment(ORDER, OWNER, "GROW 1개월 멤버십", AMOUNT, REQUESTED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(checkedOut());
    }

    @Test
    void checkout_of_zero_won_is_rejected_as_invalid_without_any_event() {
        fixture.givenNoPriorActivity()
                .when(new CheckOutPayment(ORDER, OWNER, "GROW 1개월 멤버십", Money.won(0), REQUESTED_AT))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage("amount must be positive")
                .expectNoEvents();
    }

    // --- confirm

    @Test
    void confirm_by_the_owner_with_the_checked_out_amount_requests_confirmation() {
        fixture.given(checkedOut())
                .when(confirm(owner(), KEY, AMOUNT))
                .expectEvents(new PaymentConfirmationRequested(ORDER, KEY, AMOUNT));
    }

    @Test
    void confirm_with_tampered_amount_is_rejected_without_any_event() {
        fixture.given(checkedOut())
                .when(confirm(owner(), KEY, Money.won(100)))
                .expectException(rejectedWith(ErrorCode.AMOUNT_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void confirm_by_another_member_is_answered_as_not_found_without_any_event() {
        fixture.given(checkedOut())
                .when(confirm(new Caller(STRANGER, false), KEY, AMOUNT))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void confirm_by_an_admin_requests_confirmation_of_another_members_order() {
        fixture.given(checkedOut())
                .when(confirm(new Caller(STRANGER, true), KEY, AMOUNT))
                .expectEvents(new PaymentConfirmationRequested(ORDER, KEY, AMOUNT));
    }

    @Test
    void confirm_again_with_the_same_key_while_in_progress_emits_nothing_so_toss_is_not_asked_twice() {
        fixture.given(checkedOut(), requested())
                .when(confirm(owner(), KEY, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirm_again_with_the_same_key_after_approval_emits_nothing() {
        fixture.given(checkedOut(), requested(), approved())
                .when(confirm(owner(), KEY, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirm_with_another_key_while_in_progress_is_rejected_as_in_progress() {
        fixture.given(checkedOut(), requested())
                .when(confirm(owner(), OTHER_KEY, AMOUNT))
                .expectException(rejectedWith(ErrorCode.CONFIRMATION_IN_PROGRESS))
                .expectNoEvents();
    }

    @Test
    void confirm_with_another_key_after_approval_is_rejected_as_already_processed() {
        fixture.given(checkedOut(), requested(), approved())
                .when(confirm(owner(), OTHER_KEY, AMOUNT))
                .expectException(rejectedWith(ErrorCode.PAYMENT_ALREADY_PROCESSED))
                .expectNoEvents();
    }

    @Test
    void confirm_of_an_order_that_was_never_checked_out_finds_no_payment() {
        fixture.givenNoPriorActivity()
                .when(confirm(owner(), KEY, AMOUNT))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // --- Toss's answers

    @Test
    void approval_of_the_payment_in_progress_records_it_as_approved() {
        fixture.given(checkedOut(), requested())
                .when(approval(KEY, AMOUNT))
                .expectEvents(approved());
    }

    @Test
    void a_repeated_approval_emits_nothing() {
        fixture.given(checkedOut(), requested(), approved())
                .when(approval(KEY, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void approval_for_another_payment_key_emits_nothing() {
        fixture.given(checkedOut(), requested())
                .when(approval(OTHER_KEY, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void approval_of_an_amount_other_than_the_checkout_starts_a_compensation_never_an_approval() {
        fixture.given(checkedOut(), requested())
                .when(approval(KEY, Money.won(14_000)))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(predicate((PaymentCompensationStarted e) -> e.orderId().equals(ORDER)
                                && e.paymentKey().equals(KEY)
                                && e.approvedAmount().equals(Money.won(14_000))
                                && e.reason().equals("AMOUNT_MISMATCH"))),
                        andNoMore()));
    }

    @Test
    void decline_of_the_payment_in_progress_records_it_as_declined() {
        fixture.given(checkedOut(), requested())
                .when(new RecordPaymentDecline(ORDER, KEY, REJECTED))
                .expectEvents(new PaymentDeclined(ORDER, KEY, REJECTED));
    }

    @Test
    void expiry_of_the_payment_in_progress_records_it_as_expired() {
        fixture.given(checkedOut(), requested())
                .when(new RecordPaymentExpiry(ORDER, KEY, SESSION_EXPIRED))
                .expectEvents(new PaymentExpired(ORDER, KEY, SESSION_EXPIRED));
    }

    @Test
    void an_unknown_outcome_of_the_payment_in_progress_is_recorded_for_a_lookup() {
        fixture.given(checkedOut(), requested())
                .when(new RecordPaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"))
                .expectEvents(new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));
    }

    @Test
    void approval_found_after_an_unknown_outcome_records_it_as_approved() {
        fixture.given(checkedOut(), requested(), new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"))
                .when(approval(KEY, AMOUNT))
                .expectEvents(approved());
    }

    @Test
    void decline_after_approval_is_refused_as_an_invalid_transition() {
        fixture.given(checkedOut(), requested(), approved())
                .when(new RecordPaymentDecline(ORDER, KEY, REJECTED))
                .expectException(rejectedWith(ErrorCode.INVALID_STATE_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_mismatched_approval_found_by_a_lookup_after_an_unknown_outcome_starts_a_compensation() {
        fixture.given(checkedOut(), requested(), new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"))
                .when(approval(KEY, Money.won(14_000)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentCompensationStarted(ORDER, KEY, Money.won(14_000), "AMOUNT_MISMATCH"));
    }

    @Test
    void a_late_unknown_outcome_after_approval_changes_nothing() {
        fixture.given(checkedOut(), requested(), approved())
                .when(new RecordPaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- fixtures

    private static ConfirmPayment confirm(Caller caller, PaymentKey key, Money amount) {
        return new ConfirmPayment(ORDER, caller, key, amount);
    }
}
