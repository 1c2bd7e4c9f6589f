package com.grow.payments.infra.billing;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subscription charge scheduler: one clustered Quartz job, ticking every poll interval. */
@Configuration(proxyBeanMethods = false)
public class BillingSchedulerConfiguration {

    @Bean
    public JobDetail chargeDueSubscriptionsJob() {
        return JobBuilder.newJob(ChargeDueSubscriptionsJob.class).withIdentity("charge-due-subscriptions", "billing")
                .storeDurably().build();
    }

    @Bean
    public Trigger chargeDueSubscriptionsTrigger(JobDetail chargeDueSubscriptionsJob,
                                                 @Value("${payments.billing.poll-interval:5s}") Duration interval) {
        return TriggerBuilder.newTrigger().forJob(chargeDueSubscriptionsJob)
                .withIdentity("charge-due-subscriptions", "billing")
                // ticks missed while every instance was down are one tick on restart, not many
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
