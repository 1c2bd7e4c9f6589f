package com.grow.payments.infra.janitor;

import com.grow.payments.sagas.reconciliation.PaymentReconciler;
import com.grow.payments.shared.OrderId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
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
    private final MeterRegistry registry;

    ReconcilePaymentJob(PaymentReconciler reconciler, MeterRegistry registry) {
        this.reconciler = reconciler;
        this.registry = registry;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        OrderId orderId = new OrderId(data.getString(ORDER_ID));
        int attempt = data.getInt(ATTEMPT);
        try {
            resolved(reconciler.reconcile(orderId, attempt).name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            resolved("failed");
            log.error("Reconciliation check {} of order {} failed", attempt, orderId, e);
            // never refired on the spot: a PG or database in trouble would be hit in a tight loop.
            // The next attempt is the reconciler's to schedule, as on any other outcome.
            throw new JobExecutionException(e, false);
        }
    }

    /** {@code janitor_resolution_total{outcome}}: settled, hint_open, rescheduled, flagged or failed. */
    private void resolved(String outcome) {
        resolutions(registry, outcome).increment();
    }

    static Counter resolutions(MeterRegistry registry, String outcome) {
        return Counter.builder("janitor_resolution").description("The janitor's look-ups at Toss, by what they came to")
                .tag("outcome", outcome).register(registry);
    }
}
