package com.grow.payments.infra.reconciliation;

import java.time.ZoneId;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily reconciliation: one clustered Quartz job at {@code payments.reconciliation.cron} (04:00 Seoul). */
@Configuration(proxyBeanMethods = false)
public class ReconciliationSchedulerConfiguration {

    @Bean
    public JobDetail dailyReconciliationJob() {
        return JobBuilder.newJob(DailyReconciliationJob.class).withIdentity("daily-reconciliation", "reconciliation")
                .storeDurably().build();
    }

    @Bean
    public Trigger dailyReconciliationTrigger(JobDetail dailyReconciliationJob,
                                              @Value("${payments.reconciliation.cron:0 0 4 * * ?}") String cron,
                                              @Value("${payments.reconciliation.zone:Asia/Seoul}") ZoneId zone) {
        return TriggerBuilder.newTrigger().forJob(dailyReconciliationJob)
                .withIdentity("daily-reconciliation", "reconciliation")
                // a day missed while every instance was down is run once on restart
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
