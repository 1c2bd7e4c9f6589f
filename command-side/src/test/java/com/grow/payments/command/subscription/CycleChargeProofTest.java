package com.grow.payments.command.subscription;

import static com.grow.payments.command.subscription.SubscriptionTestData.AMOUNT;
import static com.grow.payments.command.subscription.SubscriptionTestData.ANCHOR;
import static com.grow.payments.command.subscription.SubscriptionTestData.CHARGED_AT;
import static com.grow.payments.command.subscription.SubscriptionTestData.DELAYS;
import static com.grow.payments.command.subscription.SubscriptionTestData.SUB;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeRequested;
import static com.grow.payments.command.subscription.SubscriptionTestData.charged;
import static com.grow.payments.command.subscription.SubscriptionTestData.orderId;
import static com.grow.payments.command.subscription.SubscriptionTestData.paymentKey;
import static com.grow.payments.command.subscription.SubscriptionTestData.pg;
import static com.grow.payments.command.subscription.SubscriptionTestData.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.PgPaymentType;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.subscription.SubscriptionChargeNeedsAttention;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import com.grow.payments.shared.subscription.SubscriptionCommands.ReconcileCycleCharge;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cycle is recorded as paid only when Toss's record proves it; anything else is flagged, once. */
class CycleChargeProofTest {

    private static final Instant CHECKED_AT = ANCHOR.plusSeconds(30);

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    /** What a member could leave at Toss under the cycle's order id: a one-time payment of 100 won, refunded. */
    private static PgPayment refundedOneTimePayment() {
        return new PgPayment(new PaymentKey("tpay_spoof"), new OrderId(orderId(1)), "CANCELED", Money.won(100),
                Money.won(0), "카드", null, null, "tx_cancel", CHARGED_AT,
                List.of(new PgCancel("tx_cancel", Money.won(100), "refund", CHARGED_AT)), null);
    }

    private static PgPayment billing(PgPaymentStatus status, Money amount) {
        return new PgPayment(new PaymentKey(paymentKey(1)), new OrderId(orderId(1)), status.name(), amount, amount, "카드",
                null, null, "tx_1", CHARGED_AT, List.of(), null, null, null, PgPaymentType.BILLING);
    }

    private static ReconcileCycleCharge lookedUp(PgPayment pg) {
        return new ReconcileCycleCharge(SUB, 1, pg, CHECKED_AT, DELAYS);
    }

    private static SubscriptionChargeNeedsAttention flagged(String reason) {
        return new SubscriptionChargeNeedsAttention(SUB, 1, orderId(1), reason);
    }

    @Test
    void a_refunded_one_time_payment_under_the_cycles_order_id_is_flagged_never_recorded_as_paid() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(lookedUp(refundedOneTimePayment()))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED)
                .expectEvents(flagged("Toss's record under " + orderId(1)
                        + " is a NORMAL payment, not a billing charge"));
    }

    @Test
    void a_billing_charge_of_another_amount_is_flagged() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(lookedUp(billing(PgPaymentStatus.DONE, Money.won(100))))
                .expectEvents(flagged("Toss's charge under " + orderId(1) + " is 100 KRW, the cycle's is " + AMOUNT));
    }

    @Test
    void a_cancelled_billing_charge_of_the_cycles_amount_is_flagged() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(lookedUp(billing(PgPaymentStatus.CANCELED, AMOUNT)))
                .expectEvents(flagged("Toss's charge under " + orderId(1) + " is CANCELED, not DONE"));
    }

    @Test
    void a_record_of_an_unrecognized_type_proves_nothing() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(lookedUp(pg(PgPaymentStatus.DONE, CHARGED_AT, null).ofType(PgPaymentType.UNRECOGNIZED)))
                .expectEvents(flagged("Toss's record under " + orderId(1)
                        + " is a UNRECOGNIZED payment, not a billing charge"));
    }

    @Test
    void an_approval_answered_as_a_one_time_payment_is_flagged() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(new RecordCycleCharged(SUB, 1, orderId(1), paymentKey(1), AMOUNT, CHARGED_AT,
                        PgPaymentType.NORMAL))
                .expectEvents(flagged("Toss's record under " + orderId(1)
                        + " is a NORMAL payment, not a billing charge"));
    }

    @Test
    void a_cycle_is_flagged_once_and_charged_no_further_until_an_operator_looks() {
        fixture.given(started(), chargeRequested(1, 1), flagged("earlier"))
                .when(lookedUp(refundedOneTimePayment()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started(), chargeRequested(1, 1), flagged("earlier"))
                .when(new ChargeDueCycle(SUB, CHECKED_AT.plusSeconds(86_400 * 40L)))
                .expectNoEvents();
    }

    @Test
    void a_billing_charge_of_the_cycles_exact_amount_done_is_recorded_as_paid() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(lookedUp(billing(PgPaymentStatus.DONE, AMOUNT)))
                .expectEvents(charged(1, Instant.parse("2027-02-28T01:00:00Z")));
    }

    @Test
    void the_proof_reads_every_part_of_the_record() {
        assertThat(CycleChargeProof.doubt(billing(PgPaymentStatus.DONE, AMOUNT), orderId(1), AMOUNT)).isEmpty();
        assertThat(CycleChargeProof.doubt(billing(PgPaymentStatus.DONE, AMOUNT), orderId(2), AMOUNT)).isPresent();
        assertThat(CycleChargeProof.doubt(billing(PgPaymentStatus.PARTIAL_CANCELED, AMOUNT), orderId(1), AMOUNT)).isPresent();
        assertThat(CycleChargeProof.doubt(billing(PgPaymentStatus.DONE, AMOUNT).ofType(PgPaymentType.BRANDPAY), orderId(1),
                AMOUNT)).isPresent();
    }
}
