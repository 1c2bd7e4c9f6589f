package com.grow.payments.infra.toss;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The outcomes of the latest real calls to Toss's API (a small ring), which is all the service
 * knows of Toss's health without calling it for nothing. An answer, whatever its status below 500
 * (a decline, a 404), means Toss is there; a 5xx, a timeout or a transport error means it is not.
 */
@Component
public class TossCallOutcomes {

    /** How many of the latest calls are kept. */
    public static final int SIZE = 20;

    /** What the latest calls say. */
    public record Snapshot(int calls, int failures, int consecutiveFailures, Instant lastCallAt, Instant lastAnswerAt) {
    }

    private final Clock clock = Clock.systemUTC();
    private final boolean[] failed = new boolean[SIZE];
    private int next;
    private int calls;
    private int consecutiveFailures;
    private Instant lastCallAt;
    private Instant lastAnswerAt;

    /** One real call's outcome: answered (any status below 500) or not. */
    public synchronized void record(boolean answered) {
        Instant now = clock.instant();
        failed[next] = !answered;
        next = (next + 1) % SIZE;
        calls = Math.min(calls + 1, SIZE);
        consecutiveFailures = answered ? 0 : consecutiveFailures + 1;
        lastCallAt = now;
        if (answered) {
            lastAnswerAt = now;
        }
    }

    public synchronized Snapshot snapshot() {
        int failures = 0;
        for (int i = 0; i < calls; i++) {
            if (failed[i]) {
                failures++;
            }
        }
        return new Snapshot(calls, failures, consecutiveFailures, lastCallAt, lastAnswerAt);
    }
}
