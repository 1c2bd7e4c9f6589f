package com.grow.payments.infra.janitor;

import com.grow.payments.sagas.reconciliation.ReconciliationSchedule;
import com.grow.payments.shared.OrderId;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.scheduling.SchedulingException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The janitor's timetable in Quartz's clustered JDBC job store: one job per order, keyed by the
 * order, with one single-shot trigger. The rows in {@code qrtz_*} survive restarts, and the
 * cluster's row locks hand each check to exactly one instance. A check may schedule the next one
 * while it runs: the new trigger replaces the firing one under the same key, and Quartz keeps it.
 *
 * <p>Transactional because Spring's job store takes Quartz's row lock on the caller's connection,
 * and outside a transaction it would be released at once. Called inside a transaction (a
 * processor's unit of work), the check commits or rolls back with it.
 */
@Component
public class QuartzReconciliationSchedule implements ReconciliationSchedule {

    /** Quartz group of every check's job and trigger; the name is the order id. */
    public static final String GROUP = "reconcile-payment";

    private final Scheduler scheduler;

    public QuartzReconciliationSchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static JobKey jobKey(OrderId orderId) {
        return JobKey.jobKey(orderId.value(), GROUP);
    }

    @Override
    @Transactional
    public void scheduleCheck(OrderId orderId, int attempt, Instant at) {
        store(orderId, attempt, at, true);
    }

    @Override
    @Transactional
    public boolean scheduleCheckIfAbsent(OrderId orderId, int attempt, Instant at) {
        return store(orderId, attempt, at, false);
    }

    @Override
    @Transactional
    public void cancelChecks(OrderId orderId) {
        try {
            scheduler.deleteJob(jobKey(orderId));
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not cancel the checks of order " + orderId, e);
        }
    }

    /** False when the order already has a check and {@code replace} is not asked for. */
    private boolean store(OrderId orderId, int attempt, Instant at, boolean replace) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
        JobDetail job = JobBuilder.newJob(ReconcilePaymentJob.class)
                .withIdentity(jobKey(orderId))
                .usingJobData(ReconcilePaymentJob.ORDER_ID, orderId.value())
                .usingJobData(ReconcilePaymentJob.ATTEMPT, attempt)
                // not durable: a check that ends without scheduling the next one takes its job
                // with it, so settled orders leave no rows behind
                .storeDurably(false)
                // a look-up is safe to repeat: one cut short by a dying instance runs again elsewhere
                .requestRecovery()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(orderId.value(), GROUP))
                .forJob(job)
                .startAt(Date.from(notBefore(at, Instant.now())))
                // missed while every instance was down: run once on restart, not once per missed beat
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            // the same keys every time: with replace, a reschedule overwrites the pending check in one call
            scheduler.scheduleJob(job, Set.of(trigger), replace);
            return true;
        } catch (ObjectAlreadyExistsException e) {
            // waiting, or running right now: Quartz keeps a job until its run ends
            return false;
        } catch (SchedulerException e) {
            throw new SchedulingException("Could not schedule check " + attempt + " of order " + orderId, e);
        }
    }

    /**
     * A start already further back than the misfire threshold would wait for Quartz's misfire scan,
     * which runs once per threshold (a minute); starting now lets the next poll take it.
     */
    static Instant notBefore(Instant at, Instant now) {
        return at.isBefore(now) ? now : at;
    }
}
