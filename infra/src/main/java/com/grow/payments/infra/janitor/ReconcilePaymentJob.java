package com.grow.payments.infra.janitor;

import com.grow.payments.sagas.reconciliation.PaymentReconciler;
import com.grow.payments.shared.OrderId;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled look-up of an order at the PG, run on whichever instance of the cluster acquires
 * its trigger. Quartz instantiates it through Spring Boot's job factory, which injects the
 * reconciler; what to check comes from the job's data, written by {@link QuartzReconciliationSchedule}.
 */
class ReconcilePaymentJob implements Job {

    static final String ORDER_ID = "orderId";
    static final String ATTEMPT = "attempt";

    private static final Logger log = LoggerFactory.getLogger(ReconcilePaymentJob.class);

    private final PaymentReconciler reconciler;

    ReconcilePaymentJob(PaymentReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        OrderId orderId = new OrderId(data.getString(ORDER_ID));
        int attempt = data.getInt(ATTEMPT);
        try {
            reconciler.reconcile(orderId, attempt);
        } catch (RuntimeException e) {
            log.error("Reconciliation check {} of order {} failed", attempt, orderId, e);
            // never refired on the spot: a PG or database in trouble would be hit in a tight loop.
            // The next attempt is the reconciler's to schedule, as on any other outcome.
            throw new JobExecutionException(e, false);
        }
    }
}
