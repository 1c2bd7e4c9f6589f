package com.grow.payments.sagas.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.CancelRequest;
import com.grow.payments.sagas.gateway.FakePaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A handler that waits on the PG would hang the build: each test fails at the timeout instead.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PaymentCompensationSagaTest {

    private static final OrderId ORDER = new OrderId("ord_refund_0001");
    private static final OrderId OTHER_ORDER = new OrderId("ord_refund_0002");
    private static final PaymentKey KEY = new PaymentKey("tgen_refund_key");
    private static final Money APPROVED = Money.won(14_000);
    private static final PgCancel REFUND =
            new PgCancel("tx_refund", APPROVED, "compensation: AMOUNT_MISMATCH", Instant.parse("2025-03-01T10:02:00Z"));

    private SagaTestFixture<PaymentCompensationSaga> fixture;
    private FakePaymentGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentCompensationSaga.class);
        gateway = new FakePaymentGateway();
        fixture.registerResource(gateway);
        CommandGateway commands = fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new CompensatingRefund(gateway, new com.grow.payments.sagas.gateway.FixedMerchantOf(), commands));
    }

    @Test
    void a_compensation_starts_a_saga_for_the_order_and_asks_toss_for_a_full_refund_with_the_steps_key() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.value())
                .expectNoDispatchedCommands();

        assertThat(gateway.cancelRequests()).hasSize(1);
        CancelRequest refund = gateway.cancelRequests().get(0);
        assertThat(refund.orderId()).isEqualTo(ORDER);
        assertThat(refund.paymentKey()).isEqualTo(KEY);
        assertThat(refund.amount()).as("null refunds the whole balance").isNull();
        assertThat(refund.refundAccount()).isNull();
        assertThat(refund.reason()).contains("AMOUNT_MISMATCH");
        assertThat(refund.idempotencyKey()).isEqualTo(StepKeys.of("compensate", ORDER.value(), KEY.value()));
    }

    @Test
    void the_refund_key_does_not_depend_on_the_reason_so_the_janitors_retry_replays_it() {
        fixture.givenAPublished(started())
                .whenPublishingA(new PaymentCompensationStarted(ORDER, KEY, APPROVED, "APPROVED_AFTER_ABORTED"));

        assertThat(gateway.cancelRequests()).extracting(CancelRequest::idempotencyKey).containsOnly(
                StepKeys.of("compensate", ORDER.value(), KEY.value()));
    }

    @Test
    void a_refund_toss_made_is_recorded_as_the_compensation() {
        gateway.answersCancel(new CancelOutcome.Cancelled(refunded(), REFUND));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommands(new RecordCompensation(ORDER, REFUND))
                .expectActiveSagas(1);
    }

    @Test
    void no_answer_from_toss_dispatches_nothing_and_leaves_the_retry_to_the_janitor() {
        gateway.answersCancel(new CancelOutcome.Unknown("TIMEOUT"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void a_refusal_dispatches_nothing() {
        gateway.answersCancel(new CancelOutcome.Refused(new Failure("FORBIDDEN_REQUEST", "허용되지 않은 요청입니다.")));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectNoDispatchedCommands();
    }

    @Test
    void the_saga_ends_once_the_refund_is_recorded() {
        fixture.givenAPublished(started())
                .whenPublishingA(new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx_refund", APPROVED,
                        REFUND.canceledAt()))
                .expectActiveSagas(0);
    }

    @Test
    void a_refund_recorded_for_another_order_does_not_end_the_saga() {
        fixture.givenAPublished(started())
                .whenPublishingA(new PaymentCompensated(OTHER_ORDER, "AMOUNT_MISMATCH", "tx_other", APPROVED,
                        REFUND.canceledAt()))
                .expectActiveSagas(1);
    }

    private static PaymentCompensationStarted started() {
        return new PaymentCompensationStarted(ORDER, KEY, APPROVED, "AMOUNT_MISMATCH");
    }

    private static PgPayment refunded() {
        return new PgPayment(KEY, ORDER, "CANCELED", APPROVED, Money.won(0), "카드", null, null, "tx_refund",
                Instant.parse("2025-03-01T10:01:00Z"), List.of(REFUND), null);
    }
}
