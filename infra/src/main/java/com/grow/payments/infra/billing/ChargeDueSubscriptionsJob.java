package com.grow.payments.infra.billing;

import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Finds subscriptions whose next charge is due (by the injectable clock) and asks each to charge
 * its due cycle. Quartz's clustered store runs it on one instance at a time; the aggregate makes
 * a cycle chargeable once whatever runs it, so a missed tick, a catch-up after downtime or a
 * second instance charges nothing twice: each due cycle gets one charge.
 */
@DisallowConcurrentExecution
public class ChargeDueSubscriptionsJob extends QuartzJobBean {

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public ChargeDueSubscriptionsJob(ReadModelStore readModels, CommandGateway commands, Clock clock) {
        this.jdbc = readModels.jdbc();
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("""
                        SELECT subscription_id FROM subscription_view
                        WHERE status IN ('ACTIVE', 'PAST_DUE') AND NOT charge_in_progress AND next_charge_at <= ?
                        ORDER BY next_charge_at LIMIT 500""")
                .param(Timestamp.from(now))
                .query(String.class)
                .list();
        CompletableFuture<?>[] sent = due.stream()
                .map(id -> commands.send(new ChargeDueCycle(id, now)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a subscription that could not be asked now is due again on the next tick
            LoggerFactory.getLogger(ChargeDueSubscriptionsJob.class)
                    .warn("some due subscriptions were not asked to charge: {}", e.toString());
        }
    }
}
