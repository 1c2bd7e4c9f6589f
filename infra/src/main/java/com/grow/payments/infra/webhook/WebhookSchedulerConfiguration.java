package com.grow.payments.infra.webhook;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The purge of old webhook receipts: one clustered Quartz job, every {@code payments.webhook.purge-interval}. */
@Configuration(proxyBeanMethods = false)
public class WebhookSchedulerConfiguration {

    public static final JobKey PURGE_JOB = JobKey.jobKey("purge-webhook-receipts", "webhook");
    /** Toss's last retry comes about 3 days 19 hours after the first delivery. */
    static final Duration RETRY_SPAN_OF_TOSS = Duration.ofDays(4);

    @Bean
    public JobDetail purgeWebhookReceiptsJob(@Value("${payments.webhook.retention:7d}") Duration retention) {
        if (retention.compareTo(RETRY_SPAN_OF_TOSS) < 0) {
            LoggerFactory.getLogger(WebhookSchedulerConfiguration.class).warn(
                    "payments.webhook.retention {} is shorter than Toss's retries (about 4 days): a late retry "
                            + "will no longer be recognised as a duplicate (it only causes one more look-up)", retention);
        }
        return JobBuilder.newJob(PurgeWebhookReceiptsJob.class).withIdentity(PURGE_JOB).storeDurably().build();
    }

    @Bean
    public Trigger purgeWebhookReceiptsTrigger(@Qualifier("purgeWebhookReceiptsJob") JobDetail purgeWebhookReceiptsJob,
                                               @Value("${payments.webhook.purge-interval:1h}") Duration interval) {
        return TriggerBuilder.newTrigger().forJob(purgeWebhookReceiptsJob)
                .withIdentity(PURGE_JOB.getName(), PURGE_JOB.getGroup())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
