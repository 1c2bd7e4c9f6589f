package com.grow.payments.infra.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sagas.reconciliation.PaymentReconciler;
import com.grow.payments.sagas.reconciliation.ReconciliationSchedule;
import com.grow.payments.shared.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The janitor's timetable on the real job store: checks fire once, at their time, on one instance,
 * and wait as rows in PostgreSQL until then.
 *
 * <p>The scheduler gets a name of its own: every other test context in this JVM is a Quartz node
 * on the same tables, and under the shared name it could take these checks and run them with the
 * real reconciler. The context is closed after the class: left in the cache, its event processors
 * would go on claiming segments, and its janitor policy would put other tests' orders on this
 * scheduler, where only the recording reconciler sees them.
 */
@Import(QuartzReconciliationScheduleIT.RecordingReconcilerConfiguration.class)
@TestPropertySource(properties = "spring.quartz.scheduler-name=" + QuartzReconciliationScheduleIT.SCHEDULER)
@DirtiesContext
class QuartzReconciliationScheduleIT extends IntegrationTest {

    static final String SCHEDULER = "grow-payments-janitor-it";
    private static final Duration FIRE_TIMEOUT = Duration.ofSeconds(15);

    @Autowired
    ReconciliationSchedule schedule;

    @Autowired
    Scheduler scheduler;

    @Autowired
    RecordingReconciler reconciler;

    @AfterEach
    void dropLeftoverChecks() throws Exception {
        scheduler.deleteJobs(List.copyOf(
                scheduler.getJobKeys(GroupMatcher.jobGroupEquals(QuartzReconciliationSchedule.GROUP))));
    }

    @Test
    void a_check_fires_once_at_its_time_with_the_order_and_the_attempt() {
        OrderId order = OrderId.generate();
        Instant at = Instant.now().plusSeconds(1);

        schedule.scheduleCheck(order, 3, at);

        awaitChecks(order, 1);
        Check check = reconciler.checksOf(order).get(0);
        assertThat(check.attempt()).isEqualTo(3);
        // Quartz may wake a few milliseconds before a trigger's time, never a good part of a second
        assertThat(check.ranAt()).isAfter(at.minusMillis(100));
        assertStaysAt(order, 1);
        assertThat(pendingRows(order)).isZero();
    }

    @Test
    void rescheduling_an_order_replaces_its_pending_check() {
        OrderId order = OrderId.generate();
        Instant now = Instant.now();

        schedule.scheduleCheck(order, 1, now.plusSeconds(1));
        schedule.scheduleCheck(order, 2, now.plusSeconds(2));

        awaitChecks(order, 1);
        assertThat(reconciler.checksOf(order)).extracting(Check::attempt).containsExactly(2);
        assertStaysAt(order, 1);
    }

    @Test
    void a_check_may_schedule_the_next_attempt_while_it_runs_and_the_last_leaves_no_rows() {
        OrderId order = OrderId.generate();
        // what the reconciler does while an order stays unresolved
        reconciler.whenChecked(order, attempt -> {
            if (attempt < 3) {
                schedule.scheduleCheck(order, attempt + 1, Instant.now().plusMillis(500));
            }
        });

        schedule.scheduleCheck(order, 1, Instant.now());

        awaitChecks(order, 3);
        assertThat(reconciler.checksOf(order)).extracting(Check::attempt).containsExactly(1, 2, 3);
        assertStaysAt(order, 3);
        assertThat(pendingRows(order)).isZero();
    }

    @Test
    void a_failing_check_is_not_fired_again_on_the_spot() {
        OrderId order = OrderId.generate();
        reconciler.whenChecked(order, attempt -> {
            throw new IllegalStateException("the PG is down");
        });

        schedule.scheduleCheck(order, 1, Instant.now());

        awaitChecks(order, 1);
        assertStaysAt(order, 1);
        assertThat(pendingRows(order)).isZero();
    }

    @Test
    void scheduling_if_absent_leaves_a_pending_check_as_it_is() throws Exception {
        OrderId pending = OrderId.generate();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        schedule.scheduleCheck(pending, 2, later);

        assertThat(schedule.scheduleCheckIfAbsent(pending, 1, Instant.now())).isFalse();

        Trigger kept = scheduler.getTrigger(TriggerKey.triggerKey(pending.value(), QuartzReconciliationSchedule.GROUP));
        assertThat(kept.getNextFireTime().toInstant()).isEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
        assertThat(scheduler.getJobDetail(QuartzReconciliationSchedule.jobKey(pending)).getJobDataMap()
                .getInt("attempt")).isEqualTo(2);

        OrderId fresh = OrderId.generate();
        assertThat(schedule.scheduleCheckIfAbsent(fresh, 1, Instant.now())).isTrue();
        awaitChecks(fresh, 1);
        assertThat(reconciler.checksOf(pending)).isEmpty();
    }

    @Test
    void a_cancelled_check_never_fires() throws Exception {
        OrderId order = OrderId.generate();
        schedule.scheduleCheck(order, 1, Instant.now().plusSeconds(1));

        schedule.cancelChecks(order);

        assertThat(scheduler.checkExists(QuartzReconciliationSchedule.jobKey(order))).isFalse();
        assertThat(scheduler.checkExists(TriggerKey.triggerKey(order.value(), QuartzReconciliationSchedule.GROUP)))
                .isFalse();
        assertStaysAt(order, 0);
    }

    @Test
    void cancelling_an_order_without_a_pending_check_is_harmless() throws Exception {
        OrderId order = OrderId.generate();

        schedule.cancelChecks(order);

        assertThat(scheduler.checkExists(QuartzReconciliationSchedule.jobKey(order))).isFalse();
    }

    @Test
    void a_check_whose_time_has_passed_fires_at_once() {
        OrderId order = OrderId.generate();

        // an hour back: far past the misfire threshold, where Quartz would leave it to its misfire scan
        schedule.scheduleCheck(order, 4, Instant.now().minus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(5)).until(() -> !reconciler.checksOf(order).isEmpty());
        assertThat(reconciler.checksOf(order)).extracting(Check::attempt).containsExactly(4);
    }

    @Test
    void a_pending_check_is_a_row_in_postgresql_until_cancelled() {
        OrderId order = OrderId.generate();
        Instant at = Instant.now().plus(Duration.ofHours(1));

        schedule.scheduleCheck(order, 2, at);

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM qrtz_job_details
                WHERE sched_name = ? AND job_group = ? AND job_name = ? AND requests_recovery""",
                Long.class, SCHEDULER, QuartzReconciliationSchedule.GROUP, order.value())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM qrtz_triggers t
                JOIN qrtz_simple_triggers s USING (sched_name, trigger_name, trigger_group)
                WHERE t.sched_name = ? AND t.trigger_group = ? AND t.trigger_name = ?
                  AND t.job_group = t.trigger_group AND t.job_name = t.trigger_name
                  AND t.trigger_state = 'WAITING' AND t.next_fire_time = ? AND s.repeat_count = 0""",
                Long.class, SCHEDULER, QuartzReconciliationSchedule.GROUP, order.value(), at.toEpochMilli()))
                .isEqualTo(1);

        schedule.cancelChecks(order);

        assertThat(pendingRows(order)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM qrtz_simple_triggers
                WHERE sched_name = ? AND trigger_group = ? AND trigger_name = ?""",
                Long.class, SCHEDULER, QuartzReconciliationSchedule.GROUP, order.value())).isZero();
    }

    @Test
    void two_instances_on_one_database_run_each_check_once_and_one_stopping_leaves_the_other_working() {
        ConfigurableApplicationContext second = new SpringApplicationBuilder(
                GrowPaymentsApplication.class, RecordingReconcilerConfiguration.class)
                .profiles("standalone")
                // arguments, not builder properties: those are defaults that application.yml overrides
                .run("--server.port=0", "--payments.sandbox.port=0", "--spring.quartz.scheduler-name=" + SCHEDULER);
        try {
            RecordingReconciler secondReconciler = second.getBean(RecordingReconciler.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = ?",
                    Long.class, SCHEDULER)).isEqualTo(2);

            Instant at = Instant.now().plusSeconds(1);
            List<OrderId> orders = IntStream.range(0, 8).mapToObj(i -> OrderId.generate()).toList();
            ReconciliationSchedule secondSchedule = second.getBean(ReconciliationSchedule.class);
            for (int i = 0; i < orders.size(); i++) {
                (i % 2 == 0 ? schedule : secondSchedule).scheduleCheck(orders.get(i), 1, at);
            }

            await().atMost(FIRE_TIMEOUT).untilAsserted(() -> assertThat(orders).allSatisfy(order ->
                    assertThat(reconciler.checksOf(order).size() + secondReconciler.checksOf(order).size())
                            .isEqualTo(1)));
        } finally {
            second.close();
        }

        OrderId afterwards = OrderId.generate();
        schedule.scheduleCheck(afterwards, 1, Instant.now());
        awaitChecks(afterwards, 1);
    }

    private void awaitChecks(OrderId order, int count) {
        await().atMost(FIRE_TIMEOUT).until(() -> reconciler.checksOf(order).size() >= count);
    }

    /** Waits a bounded while, during which the order's checks must stay at {@code expected}. */
    private void assertStaysAt(OrderId order, int expected) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> reconciler.checksOf(order).size() == expected);
    }

    /** The order's job and trigger rows: Quartz removes both once a check ends without a successor. */
    private long pendingRows(OrderId order) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM qrtz_job_details WHERE sched_name = ? AND job_group = ? AND job_name = ?)
                     + (SELECT count(*) FROM qrtz_triggers WHERE sched_name = ? AND trigger_group = ? AND trigger_name = ?)""",
                Long.class, SCHEDULER, QuartzReconciliationSchedule.GROUP, order.value(),
                SCHEDULER, QuartzReconciliationSchedule.GROUP, order.value()), rows -> rows == 0);
    }

    record Check(OrderId orderId, int attempt, Instant ranAt) {
    }

    /** Stands in for the real reconciler: records what Quartz asked for, and asks the PG nothing. */
    static final class RecordingReconciler implements PaymentReconciler {

        private final List<Check> checks = new CopyOnWriteArrayList<>();
        private final Map<OrderId, IntConsumer> reactions = new ConcurrentHashMap<>();

        @Override
        public Resolution reconcile(OrderId orderId, int attempt) {
            checks.add(new Check(orderId, attempt, Instant.now()));
            reactions.getOrDefault(orderId, ignored -> { }).accept(attempt);
            return Resolution.SETTLED;
        }

        /** What to do, after recording, when one of the order's checks runs. */
        void whenChecked(OrderId orderId, IntConsumer reaction) {
            reactions.put(orderId, reaction);
        }

        List<Check> checksOf(OrderId orderId) {
            return checks.stream().filter(check -> check.orderId().equals(orderId)).toList();
        }
    }

    /** Primary, so that it still wins once the real reconciler is a bean of the application. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingReconcilerConfiguration {

        @Bean
        @Primary
        RecordingReconciler recordingReconciler() {
            return new RecordingReconciler();
        }
    }
}
