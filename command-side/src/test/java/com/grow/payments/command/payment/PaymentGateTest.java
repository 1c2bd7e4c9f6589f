package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.TAMPERED;
import static com.grow.payments.command.payment.PaymentTestData.approval;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.rejectedWith;
import static com.grow.payments.command.payment.PaymentTestData.requested;
import static com.grow.payments.command.payment.PaymentTestData.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every status change passes the one gate: the transition table decides, whatever path applies it. */
class PaymentGateTest {

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void an_approval_of_another_amount_after_a_timeout_compensates_from_unknown_as_the_table_allows() {
        fixture.given(checkedOut(), requested(), new PaymentOutcomeUnknown(ORDER, KEY, "timeout"))
                .when(approval(KEY, TAMPERED))
                .expectEvents(new PaymentCompensationStarted(ORDER, KEY, TAMPERED, "AMOUNT_MISMATCH"))
                .expectState(payment -> assertThat(statusOf(payment)).isEqualTo(PaymentStatus.UNKNOWN));
    }

    @Test
    void a_move_the_table_does_not_list_is_refused_whichever_path_asks_for_it() {
        // an account waiting for its deposit may not become UNKNOWN: the table has no such move
        fixture.given(checkedOut(), new VirtualAccountRequested(ORDER, "Piano class", AMOUNT, "20", "김그로", null),
                        new VirtualAccountIssued(ORDER, KEY, "20", "X1234567890",
                                Instant.parse("2025-03-03T10:00:00Z"), null))
                .when(approval(KEY, TAMPERED))
                .expectException(rejectedWith(ErrorCode.INVALID_STATE_TRANSITION))
                .expectNoEvents();
    }
}
