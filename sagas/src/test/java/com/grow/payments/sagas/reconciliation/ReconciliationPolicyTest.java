package com.grow.payments.sagas.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.sagas.reconciliation.RecordingSchedule.Check;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconciliationPolicyTest {

    private static final OrderId ORDER = new OrderId("ord_policy_0001");
    private static final PaymentKey KEY = new PaymentKey("tgen_policy_key");
    private static final Instant AT = Instant.parse("2025-03-01T10:05:00Z");
    private static final Duration FIRST_CHECK_AFTER = Duration.ofSeconds(30);

    private final RecordingSchedule schedule = new RecordingSchedule();
    private final ReconciliationPolicy policy = new ReconciliationPolicy(schedule, FIRST_CHECK_AFTER);

    @Test
    void an_unknown_confirmation_outcome_schedules_the_first_look_up_after_the_configured_delay() {
        policy.on(new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"), AT);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 1, AT.plus(FIRST_CHECK_AFTER)));
    }

    @Test
    void an_unknown_cancel_outcome_schedules_the_first_look_up_after_the_configured_delay() {
        policy.on(new PaymentCancelOutcomeUnknown(ORDER, "cancel-1", "TIMEOUT"), AT);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 1, AT.plus(FIRST_CHECK_AFTER)));
    }

    @Test
    void a_compensation_schedules_a_look_up_that_makes_sure_the_refund_happened() {
        policy.on(new PaymentCompensationStarted(ORDER, KEY, Money.won(14_000), "AMOUNT_MISMATCH"), AT);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 1, AT.plus(FIRST_CHECK_AFTER)));
    }

    @Test
    void the_delay_counts_from_the_events_time_not_from_when_it_is_handled() {
        Instant longAgo = Instant.parse("2024-01-01T00:00:00Z");

        policy.on(new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"), longAgo);

        assertThat(schedule.checks()).containsExactly(new Check(ORDER, 1, longAgo.plus(FIRST_CHECK_AFTER)));
    }
}
