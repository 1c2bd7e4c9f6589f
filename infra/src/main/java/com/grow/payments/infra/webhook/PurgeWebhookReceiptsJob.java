package com.grow.payments.infra.webhook;

import com.grow.payments.infra.janitor.HintedLookups;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Deletes webhook receipts older than {@code payments.webhook.retention} (7 days by default: Toss
 * retries an unanswered webhook for about four days, and a receipt must outlive the last retry to
 * deduplicate it), in batches so no single statement holds the table long, and the hinted look-ups'
 * rows that say nothing any more. Quartz's clustered store runs it on one instance at a time.
 */
@DisallowConcurrentExecution
public class PurgeWebhookReceiptsJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(PurgeWebhookReceiptsJob.class);
    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final HintedLookups lookups;
    private final Clock clock;
    private final Duration retention;

    public PurgeWebhookReceiptsJob(JdbcClient jdbc, HintedLookups lookups, Clock clock,
                                   @Value("${payments.webhook.retention:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        // the receipts' times come from the same clock (TossWebhookController)
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        long purged = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM webhook_receipt WHERE receipt_key IN (
                                SELECT receipt_key FROM webhook_receipt WHERE received_at < ? LIMIT ?)""")
                    .params(before, BATCH)
                    .update();
            purged += deleted;
        } while (deleted == BATCH);
        int idle = lookups.purgeIdle();
        if (purged > 0 || idle > 0) {
            log.info("webhook receipts received before {} purged: {}; idle look-up rows: {}",
                    Instant.ofEpochMilli(before.getTime()), purged, idle);
        }
    }
}
