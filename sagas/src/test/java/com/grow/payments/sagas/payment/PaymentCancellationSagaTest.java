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
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelRefusal;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancellation;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.RefundAccount;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

// A handler that waits on the PG would hang the build: each test fails at the timeout instead.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PaymentCancellationSagaTest {

    private static final OrderId ORDER = new OrderId("ord_cancel_0001");
    private static final PaymentKey KEY = new PaymentKey("tgen_cancel_key");
    private static final String CANCEL_ID = "cancel-1";
    private static final String REASON = "단순 변심";
    private static final Money PART = Money.won(5_000);
    private static final RefundAccount ACCOUNT = new RefundAccount("88", "1234567890", "홍길동");
    private static final PgCancel TOSS_CANCEL =
            new PgCancel("tx_cancel_1", PART, REASON, Instant.parse("2025-03-02T09:00:01Z"));
    private static final Failure REFUSED = new Failure("NOT_CANCELABLE_AMOUNT", "취소 할 수 없는 금액 입니다.");

    private SagaTestFixture<PaymentCancellationSaga> fixture;
    private FakePaymentGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentCancellationSaga.class);
        gateway = new FakePaymentGateway();
        fixture.registerResource(gateway);
        fixture.registerResource(new com.grow.payments.sagas.gateway.FixedMerchantOf());
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void a_cancel_request_starts_a_saga_for_the_cancel_and_asks_toss_with_the_steps_key() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CANCEL_ID))
                .expectActiveSagas(1)
                .expectAssociationWith("cancelId", CANCEL_ID)
                .expectNoDispatchedCommands();

        assertThat(gateway.cancelRequests()).containsExactly(new CancelRequest(ORDER, KEY, REASON, PART, ACCOUNT,
                StepKeys.of("cancel", ORDER.value(), CANCEL_ID)));
    }

    @Test
    void each_cancel_step_has_its_own_key_and_a_retried_step_the_same_one() {
        fixture.givenAPublished(requested(CANCEL_ID))
                .andThenAPublished(requested("cancel-2"))
                .whenPublishingA(requested(CANCEL_ID));

        List<String> keys = gateway.cancelRequests().stream().map(CancelRequest::idempotencyKey).toList();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(1)).isNotEqualTo(keys.get(0));
        assertThat(keys.get(2)).isEqualTo(keys.get(0));
    }

    @Test
    void a_cancellation_is_recorded_with_tosss_cancel_and_balance() {
        gateway.answersCancel(new CancelOutcome.Cancelled(pgAfterCancel(Money.won(10_000)), TOSS_CANCEL));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CANCEL_ID))
                .expectDispatchedCommands(new RecordCancellation(ORDER, CANCEL_ID, TOSS_CANCEL, Money.won(10_000)))
                .expectActiveSagas(1);
    }

    @Test
    void a_refusal_is_recorded_with_tosss_failure() {
        gateway.answersCancel(new CancelOutcome.Refused(REFUSED));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CANCEL_ID))
                .expectDispatchedCommands(new RecordCancelRefusal(ORDER, CANCEL_ID, REFUSED));
    }

    @Test
    void no_answer_from_toss_is_recorded_as_an_unknown_cancel_outcome() {
        gateway.answersCancel(new CancelOutcome.Unknown("TIMEOUT"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CANCEL_ID))
                .expectDispatchedCommands(new RecordCancelOutcomeUnknown(ORDER, CANCEL_ID, "TIMEOUT"));
    }

    @Test
    void a_pg_that_never_answers_neither_blocks_the_handler_nor_dispatches_a_command() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(CANCEL_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @ParameterizedTest
    @MethodSource("recordedOutcomes")
    void the_saga_ends_once_the_answer_is_recorded(Object recorded) {
        fixture.givenAPublished(requested(CANCEL_ID))
                .whenPublishingA(recorded)
                .expectActiveSagas(0);
    }

    @Test
    void an_answer_recorded_for_another_cancel_does_not_end_the_saga() {
        fixture.givenAPublished(requested(CANCEL_ID))
                .whenPublishingA(new PaymentCancelRefused(ORDER, "cancel-2", REFUSED))
                .expectActiveSagas(1);
    }

    static Stream<Object> recordedOutcomes() {
        return Stream.of(
                new PaymentCancelled(ORDER, CANCEL_ID, TOSS_CANCEL.transactionKey(), PART, REASON,
                        TOSS_CANCEL.canceledAt(), Money.won(10_000)),
                new PaymentCancelRefused(ORDER, CANCEL_ID, REFUSED),
                new PaymentCancelOutcomeUnknown(ORDER, CANCEL_ID, "TIMEOUT"));
    }

    private static PaymentCancelRequested requested(String cancelId) {
        return new PaymentCancelRequested(ORDER, KEY, cancelId, REASON, PART, ACCOUNT);
    }

    private static PgPayment pgAfterCancel(Money balance) {
        return new PgPayment(KEY, ORDER, PgPaymentStatus.PARTIAL_CANCELED.name(), Money.won(15_000), balance, "카드", null, null,
                "tx_cancel_1", Instant.parse("2025-03-01T10:01:00Z"), List.of(TOSS_CANCEL), null);
    }
}
