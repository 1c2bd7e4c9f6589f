package com.grow.payments.infra.reconciliation;

import com.grow.payments.infra.toss.TossMerchants;
import com.grow.payments.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts runs and sees them through: one run at a time per instance, on a thread of its own. An
 * instance says every {@code payments.reconciliation.heartbeat} that it still works on its runs;
 * a run whose instance went quiet for {@code payments.reconciliation.stale-after} (it died, or the
 * run stopped on an error such as Toss being away) is taken over by whichever instance claims it
 * first and carried on from its cursor, up to {@code payments.reconciliation.max-attempts} times
 * before it is {@code FAILED}.
 */
@Component
public class Reconciliations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

    private final ReconciliationRuns runs;
    private final ReconciliationEngine engine;
    private final List<TossMerchant> merchants;
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxAttempts;
    private final String owner = "recon-" + UUID.randomUUID();
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService worker;

    public Reconciliations(ReconciliationRuns runs, ReconciliationEngine engine, TossMerchants toss, Clock clock,
                           @Value("${payments.reconciliation.stale-after:2m}") Duration staleAfter,
                           @Value("${payments.reconciliation.max-attempts:5}") int maxAttempts) {
        this.runs = runs;
        this.engine = engine;
        // every configured merchant, each reconciled with its own key (its transactions are its own)
        this.merchants = toss.names().stream().map(name -> new TossMerchant(name, toss.secretKey(name))).toList();
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.maxAttempts = maxAttempts;
    }

    /** Stores a new run of the period (Seoul dates, inclusive) and starts it; its id. */
    public String start(LocalDate from, LocalDate to, String requestedBy) {
        String runId = Ids.sortable("rcn_");
        runs.create(runId, from, to, requestedBy, owner, clock.instant());
        submit(runId);
        return runId;
    }

    /** The previous day in the reconciliation's zone, as the schedule runs it. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(engine.zone())).minusDays(1);
    }

    private void submit(String runId) {
        mine.add(runId);
        worker.execute(() -> {
            try {
                engine.carryOn(runId, merchants);
                runs.finish(runId, "DONE", null, clock.instant());
                log.info("reconciliation {} done", runId);
            } catch (RuntimeException e) {
                // left RUNNING: another attempt takes it over from its cursor once it has gone quiet
                log.warn("reconciliation {} stopped, to be resumed: {}", runId, e.toString());
                Optional<ReconciliationRuns.Run> run = runs.find(runId);
                if (run.isPresent() && run.get().attempts() >= maxAttempts) {
                    runs.finish(runId, "FAILED", e.toString(), clock.instant());
                }
            } finally {
                mine.remove(runId);
            }
        });
    }

    /** Keeps this instance's runs alive and takes over the runs of instances that went quiet. */
    @Scheduled(initialDelayString = "${payments.reconciliation.heartbeat:20s}",
            fixedDelayString = "${payments.reconciliation.heartbeat:20s}")
    public void supervise() {
        try {
            runs.heartbeat(List.copyOf(mine), owner);
            Optional<ReconciliationRuns.Run> stale;
            while (mine.isEmpty() && (stale = runs.claimStale(owner, staleAfter)).isPresent()) {
                ReconciliationRuns.Run run = stale.get();
                if (run.attempts() > maxAttempts) {
                    runs.finish(run.runId(), "FAILED", "gave up after " + maxAttempts + " attempts", clock.instant());
                    continue;
                }
                log.info("reconciliation {} resumed (attempt {}) at {}", run.runId(), run.attempts(), run.phase());
                submit(run.runId());
            }
        } catch (RuntimeException e) {
            log.warn("reconciliation runs could not be supervised now: {}", e.toString());
        }
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "reconciliation-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() {
        ExecutorService running = worker;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
