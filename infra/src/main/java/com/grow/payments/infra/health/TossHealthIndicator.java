package com.grow.payments.infra.health;

import com.grow.payments.infra.toss.TossCallOutcomes;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code toss}: what the latest real calls to Toss's API came to ({@link TossCallOutcomes}). It never
 * calls Toss itself: a probe or a scrape is no reason to send anything there. {@code UNKNOWN} before
 * any call; {@code UNREACHABLE} (answered 200) after {@link #FAILURES_IN_A_ROW} calls in a row went
 * unanswered (5xx, timeouts, transport errors); {@code UP} otherwise. Informational only: it is in no
 * probe group, because a pod cannot fix Toss, and payments meanwhile wait for Toss's answer or go
 * UNKNOWN and are looked up later.
 */
@Component("toss")
public class TossHealthIndicator implements HealthIndicator {

    static final Status UNREACHABLE = new Status("UNREACHABLE", "Toss's API did not answer the latest calls");
    static final int FAILURES_IN_A_ROW = 5;

    private final TossCallOutcomes outcomes;

    public TossHealthIndicator(TossCallOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Health health() {
        TossCallOutcomes.Snapshot latest = outcomes.snapshot();
        Health.Builder health;
        if (latest.calls() == 0) {
            health = Health.unknown();
        } else if (latest.consecutiveFailures() >= FAILURES_IN_A_ROW) {
            health = Health.status(UNREACHABLE);
        } else {
            health = Health.up();
        }
        health.withDetail("recentCalls", latest.calls()).withDetail("recentFailures", latest.failures());
        if (latest.lastAnswerAt() != null) {
            health.withDetail("lastAnsweredAt", latest.lastAnswerAt().toString());
        }
        return health.build();
    }
}
