package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.rejectedWith;
import static com.grow.payments.command.payment.PaymentTestData.requested;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.PaymentAttentionResolved;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import com.grow.payments.shared.payment.PaymentCommands.ResolvePaymentAttention;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator clears the janitor's flag with a note; only a flagged payment can be resolved. */
class PaymentOperatorTest {

    private static final MemberId OPERATOR = new MemberId("ops-kim");
    private static final PaymentOutcomeUnknown UNKNOWN = new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT");
    private static final PaymentNeedsAttention FLAGGED = new PaymentNeedsAttention(ORDER, "unresolved after 27 look-ups");

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void a_flagged_payment_is_resolved_with_the_note_and_the_operator_in_the_event() {
        fixture.given(checkedOut(), requested(), UNKNOWN, FLAGGED)
                .when(new ResolvePaymentAttention(ORDER, "refunded by phone, ticket 42", OPERATOR))
                .expectEvents(new PaymentAttentionResolved(ORDER, "refunded by phone, ticket 42", "ops-kim"));
    }

    @Test
    void a_payment_not_flagged_cannot_be_resolved() {
        fixture.given(checkedOut(), requested(), UNKNOWN)
                .when(new ResolvePaymentAttention(ORDER, "looked", OPERATOR))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_FLAGGED))
                .expectNoEvents();
    }

    @Test
    void a_resolved_payment_cannot_be_resolved_twice_but_can_be_flagged_again() {
        fixture.given(checkedOut(), requested(), UNKNOWN, FLAGGED, new PaymentAttentionResolved(ORDER, "x", "ops-kim"))
                .when(new ResolvePaymentAttention(ORDER, "again", OPERATOR))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_FLAGGED));
        fixture.given(checkedOut(), requested(), UNKNOWN, FLAGGED, new PaymentAttentionResolved(ORDER, "x", "ops-kim"))
                .when(new FlagPaymentForOperator(ORDER, "still unresolved"))
                .expectEvents(new PaymentNeedsAttention(ORDER, "still unresolved"));
    }
}
