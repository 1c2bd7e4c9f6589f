package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConflictRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(executor, 3, 1);
    private final AtomicInteger dispatched = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_lost_optimistic_race_is_dispatched_again() {
        boolean retried = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new ConcurrencyException("sequence taken"), failures(1), dispatched::incrementAndGet);

        assertThat(retried).isTrue();
        await().untilAsserted(() -> assertThat(dispatched).hasValue(1));
    }

    @Test
    void a_business_rejection_is_never_retried() {
        boolean retried = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new PaymentRejection(ErrorCode.AMOUNT_MISMATCH, "tampered"), failures(1), dispatched::incrementAndGet);

        assertThat(retried).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void a_duplicate_aggregate_creation_is_not_a_race_to_retry() {
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new AggregateStreamCreationException("exists"), failures(1), dispatched::incrementAndGet)).isFalse();
    }

    @Test
    void retries_stop_after_the_limit() {
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new ConcurrencyException("again"), failures(4), dispatched::incrementAndGet)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
