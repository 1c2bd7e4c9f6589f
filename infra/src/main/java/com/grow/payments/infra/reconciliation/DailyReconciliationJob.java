package com.grow.payments.infra.reconciliation;

import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The scheduled run: the previous day (Seoul). Quartz's clustered store fires it on one instance;
 * the run itself then belongs to that instance until it ends or goes quiet (see {@link Reconciliations}).
 * A second firing for the same day (a misfire caught up) only repeats a comparison: nothing is
 * posted twice and every action is safe to repeat.
 */
@DisallowConcurrentExecution
public class DailyReconciliationJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliationJob.class);

    private final Reconciliations reconciliations;

    public DailyReconciliationJob(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        LocalDate day = reconciliations.yesterday();
        String runId = reconciliations.start(day, day, "scheduler");
        log.info("scheduled reconciliation {} of {} started", runId, day);
    }
}
