package com.grow.payments.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Virtual users paying: checkout, the buyer's approval at the sandbox, confirm, then the member's
 * history page read until the payment shows DONE there. Closed loop (each user starts its next
 * payment when the last is done) or paced (payments start on a fixed schedule, whatever the service does).
 */
final class Load {

    static final long AMOUNT = 15_000;
    static final int HISTORY_PAGE = 20;
    /** A confirmed payment not DONE in the history by then counts as an error. */
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    /** What one phase measured. Only payments whose confirm was answered inside the window count. */
    static final class Stats {
        final Samples checkout = new Samples();
        final Samples confirm = new Samples();
        final Samples projectionLag = new Samples();
        final Samples historyRead = new Samples();
        final LongAdder completed = new LongAdder();
        final LongAdder historyPolls = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        volatile long windowStart;
        volatile long windowEnd = Long.MAX_VALUE;
        // paced phases only
        final AtomicLong scheduled = new AtomicLong();
        final AtomicLong notStarted = new AtomicLong();
        final Samples startDelay = new Samples();

        boolean inWindow(long nanos) {
            return nanos >= windowStart && nanos < windowEnd;
        }

        void error(String kind) {
            if (inWindow(System.nanoTime())) {
                errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
            }
        }

        double seconds() {
            return (windowEnd - windowStart) / 1e9;
        }

        Map<String, Long> errorCounts() {
            Map<String, Long> out = new TreeMap<>();
            errors.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    private final Api api;
    private final Duration pollInterval;

    Load(Api api, Duration pollInterval) {
        this.api = api;
        this.pollInterval = pollInterval;
    }

    /** One payment, start to the read-back (or without it while seeding). */
    void pay(String token, Stats stats, boolean readBack) {
        try {
            long t0 = System.nanoTime();
            String orderId = api.checkout(token, AMOUNT);
            long t1 = System.nanoTime();
            if (stats.inWindow(t1)) {
                stats.checkout.add(t1 - t0);
            }
            String paymentKey = api.authorize(orderId, AMOUNT);
            long sent = System.nanoTime();
            Api.Answer answer = api.confirm(token, orderId, paymentKey, AMOUNT);
            long answered = System.nanoTime();
            boolean counted = stats.inWindow(answered);
            if (counted) {
                stats.confirm.add(answered - sent);
            }
            if (answer.status() != 200 || !"DONE".equals(answer.json().get("status"))) {
                throw new Api.Failure(Api.kind("confirm", answer));
            }
            if (counted) {
                stats.completed.increment();
            }
            if (readBack) {
                long lag = awaitVisible(token, orderId, answered, stats);
                if (counted) {
                    stats.projectionLag.add(lag);
                }
            }
        } catch (Api.Failure f) {
            stats.error(f.kind);
        } catch (RuntimeException e) {
            stats.error("bench:" + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads the member's history page (at once, then every poll interval) until the order shows
     * DONE; the lag is when the first read that showed it was sent, counted from the confirm's answer.
     */
    private long awaitVisible(String token, String orderId, long answered, Stats stats) throws Api.Failure {
        long deadline = answered + VISIBLE_WITHIN.toNanos();
        while (true) {
            long sent = System.nanoTime();
            Api.Answer page = api.history(token, HISTORY_PAGE);
            long read = System.nanoTime();
            stats.historyPolls.increment();
            if (stats.inWindow(read)) {
                stats.historyRead.add(read - sent);
            }
            if (showsDone(page, orderId)) {
                return Math.max(0, sent - answered);
            }
            if (read > deadline) {
                throw new Api.Failure("history:not-done-within-" + VISIBLE_WITHIN.toSeconds() + "s");
            }
            sleep(pollInterval.toNanos());
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean showsDone(Api.Answer page, String orderId) {
        for (Object item : (List<Object>) page.json().get("content")) {
            Map<String, Object> view = (Map<String, Object>) item;
            if (orderId.equals(view.get("orderId"))) {
                return "DONE".equals(view.get("status"));
            }
        }
        return false;
    }

    /**
     * Closed loop: each token is one user paying again and again. Runs until {@code duration} has
     * passed or {@code stop} says so (checked every 250 ms), then waits for payments in flight.
     */
    Stats closedLoop(List<String> tokens, Duration duration, boolean readBack, BooleanSupplier stop) {
        Stats stats = new Stats();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService users = Executors.newFixedThreadPool(tokens.size(), named("bench-user"));
        stats.windowStart = System.nanoTime();
        for (String token : tokens) {
            users.execute(() -> {
                while (running.get()) {
                    pay(token, stats, readBack);
                }
            });
        }
        long end = stats.windowStart + duration.toNanos();
        while (System.nanoTime() < end && !stop.getAsBoolean()) {
            sleep(Math.min(250_000_000L, Math.max(0, end - System.nanoTime())));
        }
        stats.windowEnd = System.nanoTime();
        running.set(false);
        finish(users);
        return stats;
    }

    /**
     * Open loop: a payment starts every 1/rate seconds on one of {@code workers} threads, whether
     * the earlier ones are done or not (no coordinated omission). Starts the schedule could not
     * keep (every worker busy) wait in a queue; those still waiting at the end are counted, not run.
     */
    Stats paced(List<String> tokens, int rate, int workers, Duration duration) {
        Stats stats = new Stats();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("bench-paced"));
        pool.prestartAllCoreThreads();
        long interval = 1_000_000_000L / rate;
        stats.windowStart = System.nanoTime();
        long end = stats.windowStart + duration.toNanos();
        for (long k = 0; ; k++) {
            long due = stats.windowStart + k * interval;
            if (due >= end) {
                break;
            }
            sleep(due - System.nanoTime());
            String token = tokens.get((int) (k % tokens.size()));
            stats.scheduled.incrementAndGet();
            pool.execute(() -> {
                stats.startDelay.add(Math.max(0, System.nanoTime() - due));
                pay(token, stats, true);
            });
        }
        stats.windowEnd = System.nanoTime();
        List<Runnable> late = new ArrayList<>();
        pool.getQueue().drainTo(late);
        stats.notStarted.set(late.size());
        finish(pool);
        return stats;
    }

    private static void finish(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                System.err.println("bench: payments still in flight after 2 min; leaving them");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory named(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
