package com.grow.payments.infra.janitor;

import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.sagas.reconciliation.ReconciliationSchedule;
import com.grow.payments.shared.OrderId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds payments left open with nothing on the janitor's timetable — a crash between Toss's
 * answer and our record leaves exactly that — and puts a look-up on it. Runs at start-up and
 * then every interval; a payment already scheduled keeps its schedule.
 */
@Component
public class JanitorSweep {

    private static final Logger log = LoggerFactory.getLogger(JanitorSweep.class);

    private final JdbcClient jdbc;
    private final ReconciliationSchedule schedule;
    private final HintedLookups hints;
    private final Clock clock;
    private final Duration stuckAfter;
    private final Duration unresolvedAfter;

    private final AtomicLong needingAttention = new AtomicLong();
    private final AtomicLong unresolved = new AtomicLong();

    public JanitorSweep(ReadModelStore readModels, ReconciliationSchedule schedule, HintedLookups hints, Clock clock,
                        MeterRegistry registry,
                        @Value("${payments.janitor.stuck-after:2m}") Duration stuckAfter,
                        @Value("${payments.janitor.unresolved-after:10m}") Duration unresolvedAfter) {
        this.jdbc = readModels.jdbc();
        this.schedule = schedule;
        this.hints = hints;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.unresolvedAfter = unresolvedAfter;
        for (String outcome : List.of("settled", "hint_open", "rescheduled", "flagged", "failed")) {
            ReconcilePaymentJob.resolutions(registry, outcome);
        }
        Gauge.builder("payments_unresolved", unresolved, AtomicLong::get)
                .description("Payments UNKNOWN for longer than payments.janitor.unresolved-after: Toss's answer still open")
                .register(registry);
        Gauge.builder("payments_needing_attention", needingAttention, AtomicLong::get)
                .description("Payments the janitor could not settle: an operator must look (GET /api/v1/payments?needsAttention=true)")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${payments.janitor.sweep-initial-delay:5s}",
            fixedDelayString = "${payments.janitor.sweep-interval:30s}")
    public void sweep() {
        Instant now = clock.instant();
        List<String> open = jdbc.sql("""
                        SELECT order_id FROM payment_view
                        WHERE (status IN ('IN_PROGRESS', 'UNKNOWN') OR cancel_in_progress)
                          AND NOT needs_attention AND updated_at < ?
                        ORDER BY updated_at LIMIT 500""")
                .param(Timestamp.from(now.minus(stuckAfter)))
                .query(String.class)
                .list();
        // subscription charges asked of Toss with no answer recorded: looked up by the cycle's order id
        open = new ArrayList<>(open);
        open.addAll(jdbc.sql("""
                        SELECT in_flight_order_id FROM subscription_view
                        WHERE charge_in_progress AND in_flight_order_id IS NOT NULL AND NOT needs_attention
                          AND updated_at < ?
                        ORDER BY updated_at LIMIT 500""")
                .param(Timestamp.from(now.minus(stuckAfter)))
                .query(String.class)
                .list());
        // virtual accounts past their due date: Toss sends nothing when they expire, and the due-date
        // check on the timetable runs by the wall clock, so a one-off look-up confirms it now (at
        // most one per order per interval, however often the sweep runs)
        List<String> overdue = jdbc.sql("""
                        SELECT order_id FROM payment_view
                        WHERE status = 'WAITING_FOR_DEPOSIT' AND NOT needs_attention
                          AND due_date < ?
                        ORDER BY updated_at LIMIT 500""")
                .param(Timestamp.from(now))
                .query(String.class)
                .list();
        overdue.forEach(orderId -> hints.request(new OrderId(orderId)));
        int scheduled = 0;
        for (String orderId : open) {
            if (schedule.scheduleCheckIfAbsent(new OrderId(orderId), 1, now)) {
                scheduled++;
            }
        }
        if (scheduled > 0) {
            log.info("janitor sweep: {} open payment(s) put on the timetable", scheduled);
        }
        needingAttention.set(jdbc.sql("SELECT count(*) FROM payment_view WHERE needs_attention")
                .query(Long.class).single());
        unresolved.set(jdbc.sql("SELECT count(*) FROM payment_view WHERE status = 'UNKNOWN' AND updated_at < ?")
                .param(Timestamp.from(now.minus(unresolvedAfter)))
                .query(Long.class).single());
    }
}
