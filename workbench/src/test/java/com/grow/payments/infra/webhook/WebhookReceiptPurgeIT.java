package com.grow.payments.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Webhook receipts are kept past Toss's last retry, then purged by the clustered job. */
class WebhookReceiptPurgeIT extends IntegrationTest {

    @Autowired
    private Scheduler scheduler;

    @Value("${payments.webhook.retention}")
    private Duration retention;

    @Test
    void receipts_older_than_the_retention_are_purged_and_younger_ones_kept() throws Exception {
        assertThat(retention).isGreaterThanOrEqualTo(Duration.ofDays(7));
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();
        receipt("old-" + run, now.minus(retention).minus(Duration.ofHours(1)));
        receipt("late-retry-" + run, now.minus(Duration.ofDays(4)));
        receipt("new-" + run, now);
        String idle = "ord_idle_" + run.substring(0, 8);
        String waiting = "ord_waiting_" + run.substring(0, 8);
        jdbc.update("INSERT INTO webhook_lookup (order_id, pending, due_at) VALUES (?, FALSE, now() - interval '1 minute')", idle);
        jdbc.update("INSERT INTO webhook_lookup (order_id, pending, due_at) VALUES (?, TRUE, now() + interval '1 day')", waiting);
        try {
            scheduler.triggerJob(WebhookSchedulerConfiguration.PURGE_JOB);

            await().atMost(Duration.ofSeconds(20)).until(() -> !exists("old-" + run));
            assertThat(exists("late-retry-" + run)).isTrue();
            assertThat(exists("new-" + run)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM webhook_lookup WHERE order_id = ?", Long.class, idle) == 0);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_lookup WHERE order_id = ?", Long.class, waiting))
                    .isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM webhook_lookup WHERE order_id = ?", waiting);
        }
    }

    private void receipt(String key, Instant at) {
        jdbc.update("INSERT INTO webhook_receipt (receipt_key, event_type, order_id, received_at) VALUES (?, ?, ?, ?)",
                key, "PAYMENT_STATUS_CHANGED", null, Timestamp.from(at));
    }

    private boolean exists(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_receipt WHERE receipt_key = ?", Long.class, key) == 1;
    }
}
