package com.grow.payments.infra.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Look-ups that webhooks ask for: a hint within the interval waits for it and is never lost, and
 * they run on their own pool, so even with every Quartz thread taken a webhook still settles its
 * payment.
 */
class HintedLookupsIT extends IntegrationTest {

    private static final String BLOCKERS = "hinted-lookups-it";

    @Autowired
    private Scheduler scheduler;

    @Value("${payments.webhook.lookup-interval}")
    private Duration interval;

    @Value("${spring.quartz.properties.org.quartz.threadPool.threadCount}")
    private int quartzThreads;

    @Test
    void a_hint_within_the_interval_waits_for_it_and_is_not_lost() {
        String token = token("member-hinted");
        String[] payment = checkoutAndAuthorize(token, 8000, null);
        assertThat(confirm(token, payment[0], payment[1], 8000).status()).isEqualTo(200);
        String lookupPath = "/v1/payments/orders/" + payment[0];

        assertThat(webhook(statusChanged(payment[0], "DONE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox().stats().requests("GET", lookupPath) == 1);
        Instant firstLookUp = Instant.now();
        // cancelled at Toss's console, and its webhook arrives right after the first look-up
        assertThat(callToss("/v1/payments/" + payment[1] + "/cancel", "{\"cancelReason\":\"console\"}").status())
                .isEqualTo(200);
        assertThat(webhook(statusChanged(payment[0], "CANCELED")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELED".equals(status(payment[0], token)));
        assertThat(Duration.between(firstLookUp, Instant.now()))
                .isGreaterThanOrEqualTo(interval.minusMillis(500));
        assertThat(sandbox().stats().requests("GET", lookupPath)).isEqualTo(2);
    }

    @Test
    void a_webhook_settles_its_payment_while_every_quartz_thread_is_busy() throws SchedulerException {
        String token = token("member-hinted-busy");
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Pottery\",\"amount\":11000,"
                + "\"bank\":\"20\",\"customerName\":\"김그로\",\"validHours\":24}");
        String orderId = opened.json().path("orderId").asText();
        JsonNode atToss = atToss(orderId);
        sandbox().deposit(orderId);

        BlockingJob.reset();
        try {
            // more than this instance's threads, so they stay taken even if another instance shares the table
            for (int i = 0; i < quartzThreads * 3; i++) {
                JobKey key = JobKey.jobKey("blocker-" + i, BLOCKERS);
                scheduler.scheduleJob(JobBuilder.newJob(BlockingJob.class).withIdentity(key).build(),
                        TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).startNow().build());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> blockersRunningHere() == quartzThreads);

            assertThat(webhook(depositCallback(orderId, atToss.path("secret").asText(), "DONE")).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(status(orderId, token)));
            assertThat(blockersRunningHere()).isEqualTo(quartzThreads);
        } finally {
            BlockingJob.release.countDown();
        }
    }

    private long blockersRunningHere() throws SchedulerException {
        return scheduler.getCurrentlyExecutingJobs().stream()
                .filter(job -> BLOCKERS.equals(job.getJobDetail().getKey().getGroup()))
                .count();
    }

    /** Holds a Quartz thread until the test lets it go (a minute at most). */
    public static class BlockingJob implements Job {

        static volatile CountDownLatch release = new CountDownLatch(0);

        static void reset() {
            release = new CountDownLatch(1);
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
