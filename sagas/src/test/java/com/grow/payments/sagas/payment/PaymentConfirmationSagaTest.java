package com.grow.payments.sagas.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.ConfirmRequest;
import com.grow.payments.sagas.gateway.FakePaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentApproval;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PgPayment;
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

// A handler that waits on the PG would hang the build; CompletableFuture.join() ignores interrupts,
// so each test runs on its own thread and fails at the timeout instead.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PaymentConfirmationSagaTest {

    private static final OrderId ORDER = new OrderId("ord_saga_0001");
    private static final OrderId OTHER_ORDER = new OrderId("ord_saga_0002");
    private static final PaymentKey KEY = new PaymentKey("tgen_saga_key");
    private static final Money AMOUNT = Money.won(15_000);
    private static final Instant APPROVED_AT = Instant.parse("2025-03-01T10:01:00Z");
    private static final CardSummary CARD = new CardSummary("11", "41", "433012******1234", "신용", 0, "00000000");
    private static final Failure REJECTED = new Failure("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족");

    private SagaTestFixture<PaymentConfirmationSaga> fixture;
    private FakePaymentGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentConfirmationSaga.class);
        gateway = new FakePaymentGateway();
        fixture.registerResource(gateway);
        fixture.registerResource(new com.grow.payments.sagas.gateway.FixedMerchantOf());
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void a_confirmation_request_starts_the_saga_and_asks_the_pg_with_the_steps_idempotency_key() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.value());

        assertThat(gateway.requests()).containsExactly(
                new ConfirmRequest(ORDER, KEY, AMOUNT, StepKeys.of("confirm", ORDER.value(), KEY.value())));
    }

    @Test
    void the_idempotency_key_is_the_same_when_the_request_is_handled_again() {
        fixture.givenAPublished(requested())
                .whenPublishingA(requested());

        assertThat(gateway.requests()).hasSize(2);
        assertThat(gateway.requests().get(1).idempotencyKey()).isEqualTo(gateway.requests().get(0).idempotencyKey());
    }

    @Test
    void an_approval_is_recorded_with_tosss_amount_method_and_card_and_the_saga_waits_for_it() {
        gateway.answers(new ConfirmOutcome.Approved(pgPayment(AMOUNT)));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentApproval(ORDER, KEY, AMOUNT, "카드", CARD,
                        "https://receipt.example/1", "tx_1", APPROVED_AT))
                .expectActiveSagas(1);
    }

    @Test
    void an_approval_carries_the_amount_toss_reports_not_the_amount_requested() {
        gateway.answers(new ConfirmOutcome.Approved(pgPayment(Money.won(14_000))));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentApproval(ORDER, KEY, Money.won(14_000), "카드", CARD,
                        "https://receipt.example/1", "tx_1", APPROVED_AT));
    }

    @Test
    void a_decline_is_recorded_with_tosss_failure() {
        gateway.answers(new ConfirmOutcome.Declined(REJECTED));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentDecline(ORDER, KEY, REJECTED))
                .expectActiveSagas(1);
    }

    @Test
    void an_expired_session_is_recorded_as_expiry() {
        Failure expired = new Failure("NOT_FOUND_PAYMENT_SESSION", "결제 시간이 만료되었습니다");
        gateway.answers(new ConfirmOutcome.Expired(expired));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentExpiry(ORDER, KEY, expired));
    }

    @Test
    void no_answer_from_toss_is_recorded_as_an_unknown_outcome_not_a_failure() {
        gateway.answers(new ConfirmOutcome.Unknown("TIMEOUT"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));
    }

    @Test
    void a_pg_that_never_answers_neither_blocks_the_handler_nor_dispatches_a_command() {
        gateway.neverAnswers();

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(gateway.requests()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("recordedOutcomes")
    void the_saga_ends_once_the_outcome_is_recorded(Object recordedOutcome) {
        fixture.givenAPublished(requested())
                .whenPublishingA(recordedOutcome)
                .expectActiveSagas(0);
    }

    @Test
    void an_outcome_for_another_order_does_not_end_the_saga() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new PaymentOutcomeUnknown(OTHER_ORDER, KEY, "TIMEOUT"))
                .expectActiveSagas(1);
    }

    static Stream<Object> recordedOutcomes() {
        return Stream.of(
                new PaymentApproved(ORDER, KEY, AMOUNT, "카드", CARD, "https://receipt.example/1", "tx_1", APPROVED_AT),
                new PaymentDeclined(ORDER, KEY, REJECTED),
                new PaymentExpired(ORDER, KEY, REJECTED),
                new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));
    }

    private static PaymentConfirmationRequested requested() {
        return new PaymentConfirmationRequested(ORDER, KEY, AMOUNT);
    }

    private static PgPayment pgPayment(Money total) {
        return new PgPayment(KEY, ORDER, "DONE", total, total, "카드", CARD, "https://receipt.example/1", "tx_1",
                APPROVED_AT, List.of(), null);
    }
}
