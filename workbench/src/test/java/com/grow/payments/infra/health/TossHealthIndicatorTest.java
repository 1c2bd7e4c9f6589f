package com.grow.payments.infra.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.toss.TossCallOutcomes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** Toss's health from the latest real calls: nothing known before any, unreachable after failures in a row. */
class TossHealthIndicatorTest {

    private final TossCallOutcomes outcomes = new TossCallOutcomes();
    private final TossHealthIndicator health = new TossHealthIndicator(outcomes);

    @Test
    void before_any_call_toss_is_unknown() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_answer_of_any_status_below_500_is_up_and_failures_in_a_row_are_unreachable() {
        outcomes.record(true);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        for (int i = 1; i < TossHealthIndicator.FAILURES_IN_A_ROW; i++) {
            outcomes.record(false);
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        outcomes.record(false);
        assertThat(health.health().getStatus()).isEqualTo(TossHealthIndicator.UNREACHABLE);
        assertThat(health.health().getDetails()).containsEntry("recentFailures", TossHealthIndicator.FAILURES_IN_A_ROW);

        outcomes.record(true);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void only_the_latest_calls_are_kept() {
        for (int i = 0; i < TossCallOutcomes.SIZE; i++) {
            outcomes.record(false);
        }
        for (int i = 0; i < TossCallOutcomes.SIZE; i++) {
            outcomes.record(true);
        }
        assertThat(outcomes.snapshot().calls()).isEqualTo(TossCallOutcomes.SIZE);
        assertThat(outcomes.snapshot().failures()).isZero();
    }
}
