package com.grow.payments.infra.janitor;

import com.grow.payments.sagas.reconciliation.PaymentReconciler;
import com.grow.payments.shared.OrderId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Look-ups at Toss that a hint asked for (a webhook, the sweep of overdue virtual accounts, an
 * operator): at most one per order per {@code payments.webhook.lookup-interval} however many hints
 * arrive, and on a small pool of their own ({@code payments.webhook.lookup-threads}), so a flood of
 * webhooks can neither hammer Toss nor take the janitor's or the charge scheduler's Quartz threads.
 *
 * <p>The coalescing lives in the database ({@code webhook_lookup}, one row per order), so it holds
 * across the cluster: a hint marks the order's row pending; a worker claims a pending row whose time
 * has come with {@code SKIP LOCKED} and, in the same statement, puts its next allowed run one
 * interval ahead. A hint arriving meanwhile is kept pending until then: deferred, not dropped. (A
 * look-up cut short by a dying instance is not run again here: an order still open is the janitor's
 * timetable's and sweep's.) Database time throughout, so instances whose clocks differ still agree.
 */
@Component
public class HintedLookups implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HintedLookups.class);
    /** How long an idle poller waits for a wake-up before it looks for deferred look-ups itself. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final PaymentReconciler reconciler;
    private final MeterRegistry registry;
    private final Duration interval;
    private final int threads;
    private final Semaphore capacity;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService workers;
    private Thread poller;

    public HintedLookups(JdbcClient jdbc, PaymentReconciler reconciler, MeterRegistry registry,
                         @Value("${payments.webhook.lookup-interval:1m}") Duration interval,
                         @Value("${payments.webhook.lookup-threads:2}") int threads) {
        if (threads < 1 || interval.isNegative()) {
            throw new IllegalArgumentException("payments.webhook.lookup-threads must be at least 1, and the interval not negative");
        }
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.registry = registry;
        this.interval = interval;
        this.threads = threads;
        this.capacity = new Semaphore(threads);
    }

    /** A hint: look the order up as soon as its interval allows; hints already pending are one. */
    public void request(OrderId orderId) {
        jdbc.sql("""
                        INSERT INTO webhook_lookup (order_id, pending, due_at) VALUES (?, TRUE, now())
                        ON CONFLICT (order_id) DO UPDATE SET pending = TRUE WHERE NOT webhook_lookup.pending""")
                .param(orderId.value())
                .update();
        wakeUps.release();
    }

    /** An operator's look-up: at once, whatever the interval (still one run per claim, on this pool). */
    public void requestNow(OrderId orderId) {
        jdbc.sql("""
                        INSERT INTO webhook_lookup (order_id, pending, due_at) VALUES (?, TRUE, now())
                        ON CONFLICT (order_id) DO UPDATE SET pending = TRUE, due_at = LEAST(webhook_lookup.due_at, now())""")
                .param(orderId.value())
                .update();
        wakeUps.release();
    }

    /** Rows that say nothing any more: not pending and past their interval. */
    public int purgeIdle() {
        return jdbc.sql("DELETE FROM webhook_lookup WHERE NOT pending AND due_at < now()").update();
    }

    /** Claims one due look-up for this instance; its next run is one interval away from now. */
    Optional<String> claim() {
        return jdbc.sql("""
                        UPDATE webhook_lookup SET pending = FALSE, due_at = now() + make_interval(secs => ?)
                        WHERE order_id = (SELECT order_id FROM webhook_lookup WHERE pending AND due_at <= now()
                                          ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING order_id""")
                .param(interval.toMillis() / 1000.0)
                .query(String.class)
                .optional();
    }

    private void poll() {
        while (running) {
            try {
                capacity.acquire();
                Optional<String> claimed = claimQuietly();
                if (claimed.isPresent()) {
                    workers.execute(() -> lookUp(claimed.get()));
                } else {
                    capacity.release();
                    wakeUps.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Empty when the database is away too: the poller then waits its poll, never spins. */
    private Optional<String> claimQuietly() {
        try {
            return claim();
        } catch (RuntimeException e) {
            log.warn("hinted look-ups could not be claimed: {}", e.toString());
            return Optional.empty();
        }
    }

    private void lookUp(String orderId) {
        try {
            String outcome = reconciler.reconcile(new OrderId(orderId), 0).name().toLowerCase(Locale.ROOT);
            ReconcilePaymentJob.resolutions(registry, outcome).increment();
        } catch (RuntimeException e) {
            // the order's own timetable (and the sweep) keep whatever is still open
            ReconcilePaymentJob.resolutions(registry, "failed").increment();
            log.error("hinted look-up of order {} failed", orderId, e);
        } finally {
            capacity.release();
            wakeUps.release();
        }
    }

    @Override
    public synchronized void start() {
        AtomicInteger numbers = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "hinted-lookup-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        workers = Executors.newFixedThreadPool(threads, named);
        running = true;
        poller = new Thread(this::poll, "hinted-lookup-poller");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
