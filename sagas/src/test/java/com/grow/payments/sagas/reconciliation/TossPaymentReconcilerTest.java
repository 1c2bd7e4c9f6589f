package com.grow.payments.sagas.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.CancelRequest;
import com.grow.payments.sagas.gateway.FakePaymentGateway;
import com.grow.payments.sagas.gateway.LookupOutcome;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.sagas.payment.CompensatingRefund;
import com.grow.payments.sagas.reconciliation.RecordingSchedule.Check;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import com.grow.payments.shared.payment.PaymentCommands.ReconcilePayment;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// The reconciler waits (bounded) for the look-up; a fake that never answered would stall the build.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TossPaymentReconcilerTest {

    private static final OrderId ORDER = new OrderId("ord_janitor_0001");
    private static final PaymentKey KEY = new PaymentKey("tgen_janitor_key");
    private static final Instant NOW = Instant.parse("2025-03-01T10:30:00Z");
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    private static final int MAX_ATTEMPTS = 8;
    private static final PgPayment DONE_AT_TOSS = new PgPayment(KEY, ORDER, "DONE", Money.won(15_000),
            Money.won(15_000), "카드", null, null, "tx_1", NOW.minusSeconds(60), List.of(), null);

    private final FakePaymentGateway gateway = new FakePaymentGateway();
    private final RecordingSchedule schedule = new RecordingSchedule();
    private final List<Object> sent = new ArrayList<>();
    private ReconciliationVerdict verdict;
    private TossPaymentReconciler reconciler;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReconcilePayment.class.getName(), this::handle);
        bus.subscribe(FlagPaymentForOperator.class.getName(), this::handle);
        bus.subscribe(RecordCompensation.class.getName(), this::handle);
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();
        reconciler = new TossPaymentReconciler(gateway, new com.grow.payments.sagas.gateway.FixedMerchantOf("shop"), commands, schedule, Clock.fixed(NOW, ZoneOffset.UTC), BACKOFF,
                MAX_ATTEMPTS, new DunningPolicy(List.of(Duration.ofDays(1)), Set.of()),
                new CompensatingRefund(gateway, new com.grow.payments.sagas.gateway.FixedMerchantOf(), commands));
    }

    /** The aggregate's part: remember the command and answer the verdict the test chose. */
    private Object handle(CommandMessage<?> command) {
        sent.add(command.getPayload());
        return command.getPayload() instanceof ReconcilePayment ? verdict : null;
    }

    @Test
    void what_toss_found_is_handed_to_the_payment_with_the_time_of_the_check() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        verdict = ReconciliationVerdict.SETTLED;

        reconciler.reconcile(ORDER, 1);

        assertThat(sent).containsExactly(new ReconcilePayment(ORDER, DONE_AT_TOSS, NOW));
    }

    @Test
    void a_settled_payment_schedules_no_further_check() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        verdict = ReconciliationVerdict.SETTLED;

        reconciler.reconcile(ORDER, 3);

        assertThat(schedule.checks()).isEmpty();
        assertThat(sent).hasOnlyElementsOfType(ReconcilePayment.class);
    }

    @Test
    void an_unresolved_first_check_schedules_the_second_after_the_first_back_off() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        verdict = ReconciliationVerdict.UNRESOLVED;

        reconciler.reconcile(ORDER, 1);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 2, NOW.plusSeconds(10)));
    }

    @Test
    void an_unresolved_third_check_waits_the_third_back_off() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        verdict = ReconciliationVerdict.UNRESOLVED;

        reconciler.reconcile(ORDER, 3);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 4, NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void checks_beyond_the_back_off_list_wait_its_last_entry() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        verdict = ReconciliationVerdict.UNRESOLVED;

        reconciler.reconcile(ORDER, 6);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 7, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void no_answer_from_toss_asks_the_payment_nothing_and_checks_again_later() {
        gateway.answersLookup(new LookupOutcome.Unknown("TIMEOUT"));

        reconciler.reconcile(ORDER, 2);

        assertThat(sent).isEmpty();
        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 3, NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void no_payment_at_toss_is_handed_to_the_payment_as_none() {
        gateway.answersLookup(new LookupOutcome.NotFound());
        verdict = ReconciliationVerdict.UNRESOLVED;

        reconciler.reconcile(ORDER, 1);

        assertThat(sent).containsExactly(new ReconcilePayment(ORDER, null, NOW));
        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 2, NOW.plusSeconds(10)));
    }

    @Test
    void a_payment_that_refuses_the_check_is_looked_at_again_later() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        SimpleCommandBus failing = SimpleCommandBus.builder().build();
        failing.subscribe(ReconcilePayment.class.getName(), command -> {
            throw new IllegalStateException("concurrent modification");
        });
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(failing).build();
        reconciler = new TossPaymentReconciler(gateway, new com.grow.payments.sagas.gateway.FixedMerchantOf("shop"), commands, schedule, Clock.fixed(NOW, ZoneOffset.UTC), BACKOFF,
                MAX_ATTEMPTS, new DunningPolicy(List.of(Duration.ofDays(1)), Set.of()),
                new CompensatingRefund(gateway, new com.grow.payments.sagas.gateway.FixedMerchantOf(), commands));

        reconciler.reconcile(ORDER, 1);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 2, NOW.plusSeconds(10)));
    }

    @Test
    void still_unresolved_at_the_last_attempt_flags_the_payment_for_an_operator_and_stops() {
        gateway.answersLookup(new LookupOutcome.Unknown("TIMEOUT"));

        reconciler.reconcile(ORDER, MAX_ATTEMPTS);

        assertThat(sent).singleElement().isInstanceOfSatisfying(FlagPaymentForOperator.class,
                flag -> assertThat(flag.orderId()).isEqualTo(ORDER));
        assertThat(schedule.checks()).isEmpty();
    }

    @Test
    void settled_at_the_last_attempt_flags_nothing() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        verdict = ReconciliationVerdict.SETTLED;

        reconciler.reconcile(ORDER, MAX_ATTEMPTS);

        assertThat(sent).noneMatch(FlagPaymentForOperator.class::isInstance);
    }

    @Test
    void money_toss_still_holds_is_refunded_again_under_the_compensation_steps_key() {
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        gateway.answersCancel(new CancelOutcome.Unknown("TIMEOUT"));
        verdict = ReconciliationVerdict.RETRY_COMPENSATION;

        reconciler.reconcile(ORDER, 2);

        assertThat(gateway.cancelRequests()).singleElement().satisfies(refund -> {
            assertThat(refund.paymentKey()).isEqualTo(KEY);
            assertThat(refund.amount()).isNull();
            assertThat(refund.idempotencyKey()).isEqualTo(StepKeys.of("compensate", ORDER.value(), KEY.value()));
        });
        // the next look-up verifies the refund
        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 3, NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void a_compensating_refund_toss_makes_on_the_retry_is_recorded() {
        PgCancel refund = new PgCancel("tx_refund", Money.won(15_000), "compensation", NOW);
        gateway.answersLookup(new LookupOutcome.Found(DONE_AT_TOSS));
        gateway.answersCancel(new CancelOutcome.Cancelled(DONE_AT_TOSS, refund));
        verdict = ReconciliationVerdict.RETRY_COMPENSATION;

        reconciler.reconcile(ORDER, 2);

        assertThat(sent).containsExactly(new ReconcilePayment(ORDER, DONE_AT_TOSS, NOW),
                new RecordCompensation(ORDER, refund));
        assertThat(gateway.cancelRequests()).extracting(CancelRequest::orderId).containsExactly(ORDER);
    }
}
