package com.grow.payments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The benchmark (issue #10): the service in its own JVM, virtual users paying through its API,
 * the raw limit of its PostgreSQL, a replay of the history read model; every figure printed and
 * written to {@code bench/results/<date>.json}. Run through {@code bench/run.sh}.
 */
public final class Bench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm");
    private static final long STARTED = System.nanoTime();
    /** Below this, every process together, the machine counts as quiet before the service starts. */
    private static final double QUIET_CORES = 0.25;

    private final Options options;
    private final Path repo;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private ServiceProcess service;
    private Api api;
    private Monitor monitor;
    private Postgres postgres;
    private String admin;
    /** The rate a lead-in runs at: the last paced rate, or half the warm-up's closed loop. */
    private int leadInRate = 1;

    private Bench(Options options, Path repo) {
        this.options = options;
        this.repo = repo;
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, repo);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Bench(options, repo).run();
    }

    static void say(String line) {
        System.out.printf("[%4ds] %s%n", (System.nanoTime() - STARTED) / 1_000_000_000L, line);
    }

    private void run() throws Exception {
        String stamp = LocalDateTime.now().format(STAMP);
        Path runDir = options.workDir().resolve(stamp);
        Files.createDirectories(runDir);
        Files.createDirectories(options.resultsDir());
        if (!Files.isRegularFile(options.jar())) {
            throw new IOException("no service jar at " + options.jar() + ": build it with ./mvnw -q install -DskipTests");
        }
        describeRun(stamp, runDir);
        service = new ServiceProcess(options, runDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> service.stop(), "bench-stop-service"));
        try {
            startService();
            measureRawPostgres();
            List<String> tokens = tokens(Math.max(options.users(), Math.max(options.latencyUsers(), options.seedUsers())));
            Load load = new Load(api, options.pollInterval());
            warmUp(load, tokens);
            List<Map<String, Object>> phases = new ArrayList<>();
            for (Duration latency : options.sandboxLatencies()) {
                phases.add(closedPhase(load, tokens, latency));
            }
            for (Options.PacedRate rate : options.pacedRates()) {
                if (!rate.halfOfClosedLoop()) {
                    phases.add(pacedPhase(load, tokens, rate.perSecond(), false));
                } else {
                    OptionalInt half = halfOfClosedLoop(phases);
                    if (half.isPresent()) {
                        phases.add(pacedPhase(load, tokens, half.getAsInt(), true));
                    }
                }
            }
            result.put("phases", phases);
            result.put("replay", replay(load, tokens));
            finish();
        } catch (Exception | Error e) {
            notes.add("the run failed: " + e);
            result.put("failed", String.valueOf(e));
            throw e;
        } finally {
            if (monitor != null) {
                monitor.close();
            }
            service.stop();
            result.put("loadAverageAfter", ProcFs.loadAverage());
            result.put("notes", notes);
            Report.complete(result);
            Path file = uniqueFile(options.resultsDir(), stamp);
            Files.writeString(file, Json.write(result));
            System.out.println();
            System.out.print(Report.table(result));
            System.out.println("results: " + repo.relativize(file.toAbsolutePath()) + "   logs: " + repo.relativize(runDir));
        }
    }

    private void describeRun(String stamp, Path runDir) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", Instant.now().toString());
        run.put("mode", options.quick() ? "quick" : "full");
        run.put("commit", git("rev-parse", "--short", "HEAD"));
        String dirty = git("status", "--porcelain", "--untracked-files=no");
        run.put("uncommittedChanges", dirty == null ? null : dirty.lines().count());
        run.put("jar", jarInfo());
        run.put("workDir", repo.relativize(runDir).toString());
        run.put("note", options.note());
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("users", options.users());
        opts.put("latencyUsers", options.latencyUsers());
        opts.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        opts.put("phaseSeconds", options.duration().toMillis() / 1000.0);
        opts.put("sandboxLatenciesMs", options.sandboxLatencies().stream().map(Duration::toMillis).toList());
        opts.put("pacedRates", options.pacedRates().stream().map(Options.PacedRate::asOption).toList());
        opts.put("pacedWorkers", options.pacedWorkers());
        opts.put("pgSeconds", options.pgDuration().toMillis() / 1000.0);
        opts.put("pgConnections", options.pgConnections());
        opts.put("replayEventsTarget", options.replayEvents());
        opts.put("seedMaxSeconds", options.seedMax().toMillis() / 1000.0);
        opts.put("seedUsers", options.seedUsers());
        opts.put("quietMaxSeconds", options.quietMax().toMillis() / 1000.0);
        opts.put("heap", options.heap());
        opts.put("jvmArgs", options.jvmArgs());
        opts.put("historyPollMs", options.pollInterval().toMillis());
        opts.put("historyPageSize", Load.HISTORY_PAGE);
        run.put("options", opts);
        result.put("run", run);
        result.put("machine", ProcFs.machine());
        result.put("loadAverageBefore", ProcFs.loadAverage());
        say("run " + stamp + " (" + run.get("mode") + "), commit " + run.get("commit") + ", load average "
                + ProcFs.loadAverage());
    }

    private Map<String, Object> jarInfo() {
        Map<String, Object> jar = new LinkedHashMap<>();
        jar.put("path", repo.relativize(options.jar()).toString());
        try {
            Instant built = Files.getLastModifiedTime(options.jar()).toInstant();
            jar.put("builtAt", built.toString());
            jar.put("bytes", Files.size(options.jar()));
            long newer;
            try (Stream<Path> files = Files.walk(repo)) {
                newer = files.filter(p -> p.toString().contains("/src/main/") && !p.startsWith(repo.resolve("bench")))
                        .filter(Files::isRegularFile)
                        .filter(p -> {
                            try {
                                return Files.getLastModifiedTime(p).toInstant().isAfter(built);
                            } catch (IOException e) {
                                return false;
                            }
                        }).count();
            }
            jar.put("sourcesNewerThanJar", newer);
            if (newer > 0) {
                notes.add(newer + " source file(s) under src/main are newer than the jar: rebuild (bench/run.sh --build) to measure them");
            }
        } catch (IOException e) {
            jar.put("error", e.toString());
        }
        return jar;
    }

    private String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** A command line as it can be shown: the (throwaway) Toss secret key masked. */
    private static String masked(List<String> command) {
        return String.join(" ", command).replaceAll("(secret-key=test_sk_)\\w+", "$1****");
    }

    private void startService() throws Exception {
        say("starting the Toss sandbox (its own JVM): " + masked(service.sandboxCommand));
        api = new Api(service.port, service.sandboxPort);
        service.startSandbox();
        Map<String, Object> quiet = ProcFs.awaitQuiet(QUIET_CORES, Duration.ofSeconds(2), options.quietMax());
        if (!(Boolean) quiet.get("quiet")) {
            notes.add("the machine was not quiet before the service started (" + quiet.get("machineBusyCores")
                    + " cores busy after " + quiet.get("waitedSeconds") + " s): ready counts what else ran");
        }
        say("starting the service after " + quiet.get("waitedSeconds") + " s for a quiet machine ("
                + quiet.get("machineBusyCores") + " cores busy): " + masked(service.command));
        service.start();
        Duration ready = service.awaitReady(api, Duration.ofMinutes(5));
        Map<String, Object> startup = new LinkedHashMap<>();
        startup.put("quietBefore", quiet);
        startup.put("readySeconds", Samples.round(ready.toMillis() / 1000.0));
        double[] spring = service.springStarted();
        startup.put("springStartedSeconds", spring == null ? null : spring[0]);
        startup.put("springProcessRunningSeconds", spring == null ? null : spring[1]);
        startup.put("rssAtReadyMb", ProcFs.rssKb(service.pid()) / 1024);
        startup.put("gcCollector", GcLog.collectorOf(service.gcLog));
        startup.put("gc", GcLog.between(service.gcLog, service.spawnedAt(), Instant.now()));
        startup.put("loadAverageAtReady", ProcFs.loadAverage());
        result.put("startup", startup);
        say("ready in " + startup.get("readySeconds") + " s (pid " + service.pid() + ", port " + service.port
                + ", sandbox " + service.sandboxPort + ")");

        OptionalInt pgPort = OptionalInt.empty();
        for (int i = 0; i < 50 && pgPort.isEmpty(); i++) {
            pgPort = ProcFs.postgresPortOf(service.pid());
            if (pgPort.isEmpty()) {
                Load.sleep(200_000_000L);
            }
        }
        if (pgPort.isEmpty()) {
            throw new IOException("could not find the service's embedded PostgreSQL port among its connections");
        }
        service.postmaster(pgPort.getAsInt(), ProcFs.postmasterOn(pgPort.getAsInt()));
        postgres = new Postgres(options.jar(), options.workDir(), pgPort.getAsInt());
        monitor = new Monitor(service.pid(), service.sandboxPid(), ProcFs.postmasterOn(pgPort.getAsInt()), service.gcLog, api);
        admin = api.token("bench-admin", "ADMIN");
    }

    private void measureRawPostgres() throws Exception {
        say("raw PostgreSQL limit: " + options.pgConnections() + " connections appending event-sized rows for "
                + options.pgDuration().toSeconds() + " s");
        Monitor.Mark mark = monitor.begin();
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("driver", postgres.driverVersion());
        raw.put("server", postgres.settings());
        raw.putAll(postgres.appendLimit(options.pgConnections(), options.pgDuration()));
        raw.put("resources", monitor.end(mark));
        result.put("rawPostgres", raw);
        say("raw PostgreSQL: " + raw.get("rowsPerSecond") + " rows/s");
    }

    private List<String> tokens(int count) throws Api.Failure {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(api.token("bench-vu-" + i, "USER"));
        }
        return tokens;
    }

    /**
     * The warm-up, not counted: a closed loop, then a paced loop at half its rate until the JIT is
     * done ({@link #pacedUntilCompiled}). On two cores a closed loop leaves the compiler threads a
     * sliver of CPU, and HotSpot raises its compile thresholds while their queues are long, so after
     * a closed loop most of the hot code still runs as C1's profiled code, waiting for C2.
     */
    private void warmUp(Load load, List<String> tokens) throws Exception {
        say("warm-up: " + options.users() + " users for " + options.warmup().toSeconds()
                + " s, then paced at half their rate until the JIT is done (not counted)");
        api.sandboxLatency(Duration.ZERO);
        Load.Stats closed = load.closedLoop(tokens.subList(0, options.users()), options.warmup(), true, () -> false);
        int half = (int) Math.max(1, Math.round(closed.completed.sum() / closed.seconds() / 2));
        leadInRate = half;
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("closedLoopPayments", closed.completed.sum());
        warmup.put("closedLoopErrors", closed.errorCounts());
        warmup.put("paced", pacedUntilCompiled(load, tokens, half, options.warmup().multipliedBy(3)));
        warmup.put("settleSeconds", settle(Duration.ofSeconds(60)));
        warmup.put("jitSettleSeconds", jitSettle());
        result.put("warmup", warmup);
    }

    /** The lead-in before a measured phase: paced at its rate until the JIT is done, at most 2 min (quick 1 min). */
    private Map<String, Object> leadIn(Load load, List<String> tokens, int rate) {
        return pacedUntilCompiled(load, tokens, rate, options.quick() ? Duration.ofSeconds(60) : Duration.ofMinutes(2));
    }

    /**
     * A paced loop, not counted, in slices of 10 s, until a slice costs the JIT compilers under a
     * tenth of a core or {@code cap} has passed: the service is then running compiled code for this
     * load rather than compiling it. What each slice saw is kept, so the cost of compiling is shown
     * rather than hidden: its compiler cores and confirm p99.
     */
    private Map<String, Object> pacedUntilCompiled(Load load, List<String> tokens, int rate, Duration cap) {
        Duration slice = Duration.ofSeconds(10);
        Duration paced = Duration.ZERO;
        long completed = 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        List<Object> compilerCores = new ArrayList<>();
        List<Object> confirmP99 = new ArrayList<>();
        boolean compiled = false;
        while (!compiled && paced.compareTo(cap) < 0) {
            long ticks = ProcFs.compilerTicks(service.pid());
            Load.Stats stats = load.paced(tokens.subList(0, options.users()), rate, options.pacedWorkers(), slice);
            double cores = ProcFs.cores(ProcFs.compilerTicks(service.pid()) - ticks, stats.seconds());
            completed += stats.completed.sum();
            stats.errorCounts().forEach((kind, count) -> errors.merge(kind, count, Long::sum));
            compilerCores.add(Samples.round(cores));
            confirmP99.add(stats.confirm.summary().get("p99Ms"));
            paced = paced.plus(slice);
            compiled = cores < 0.1;
        }
        say("  paced at " + rate + "/s for " + paced.toSeconds() + " s, not counted: JIT compiler cores per 10 s "
                + compilerCores + ", confirm p99 (ms) " + confirmP99);
        if (!compiled) {
            notes.add("the JIT was still compiling after " + cap.toSeconds() + " s paced at " + rate + "/s");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rate", rate);
        out.put("seconds", paced.toSeconds());
        out.put("compiled", compiled);
        out.put("completedPayments", completed);
        out.put("errors", errors);
        out.put("compilerCoresPerSlice", compilerCores);
        out.put("confirmP99MsPerSlice", confirmP99);
        return out;
    }

    private Map<String, Object> closedPhase(Load load, List<String> tokens, Duration latency) throws Exception {
        int users = latency.isZero() ? options.users() : options.latencyUsers();
        String name = "closed-" + latency.toMillis() + "ms";
        say(name + ": " + users + " users, sandbox confirm latency " + latency.toMillis() + " ms, "
                + options.duration().toSeconds() + " s");
        api.sandboxLatency(latency);
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("name", name);
        phase.put("kind", "closed-loop");
        phase.put("sandboxLatencyMs", latency.toMillis());
        phase.put("users", users);
        if (!latency.isZero()) {
            phase.put("closedLoopCeilingPerSecond", Samples.round(users / (latency.toMillis() / 1000.0)));
        }
        measure(phase, () -> load.closedLoop(tokens.subList(0, users), options.duration(), true, () -> false));
        api.sandboxLatency(Duration.ZERO);
        return phase;
    }

    /**
     * The rate of {@code --paced-rate half}: half the payments/s the closed loop at 0 ms completed in
     * this run, rounded, at least 1; empty (with a note) when there was no such phase.
     */
    private OptionalInt halfOfClosedLoop(List<Map<String, Object>> phases) {
        Double closed = phases.stream().filter(p -> "closed-0ms".equals(p.get("name"))).findFirst()
                .map(p -> Report.number(p.get("paymentsPerSecond"))).orElse(null);
        if (closed == null) {
            notes.add("--paced-rate half needs a closed-loop phase at 0 ms (--sandbox-latency 0ms,...): that paced phase was skipped");
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, Math.round(closed / 2)));
    }

    private Map<String, Object> pacedPhase(Load load, List<String> tokens, int rate, boolean halfOfClosedLoop)
            throws Exception {
        String name = halfOfClosedLoop ? "paced-half-" + rate + "-per-s" : "paced-" + rate + "-per-s";
        say(name + ": a payment every " + Samples.round(1000.0 / rate) + " ms, up to " + options.pacedWorkers()
                + " in flight, sandbox at 0 ms, " + options.duration().toSeconds() + " s"
                + (halfOfClosedLoop ? " (half the closed loop's payments/s at 0 ms)" : ""));
        api.sandboxLatency(Duration.ZERO);
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("name", name);
        phase.put("kind", "paced");
        phase.put("sandboxLatencyMs", 0);
        phase.put("targetRate", rate);
        phase.put("halfOfClosedLoop", halfOfClosedLoop);
        phase.put("workers", options.pacedWorkers());
        // measured once this rate has stopped making the JIT compile (the lead-in is kept, not counted)
        leadInRate = rate;
        phase.put("leadIn", leadIn(load, tokens, rate));
        measure(phase, () -> load.paced(tokens.subList(0, options.users()), rate, options.pacedWorkers(),
                options.duration()));
        return phase;
    }

    private interface Driver {
        Load.Stats drive() throws Exception;
    }

    /** Runs a load phase and fills in what it measured. */
    @SuppressWarnings("unchecked")
    private void measure(Map<String, Object> phase, Driver driver) throws Exception {
        Prometheus before = api.prometheus();
        long headBefore = head();
        Monitor.Mark mark = monitor.begin();
        Load.Stats stats = driver.drive();
        Map<String, Object> resources = monitor.end(mark);
        long headAfter = head();
        double seconds = stats.seconds();
        phase.put("seconds", Samples.round(seconds));
        phase.put("completedPayments", stats.completed.sum());
        phase.put("paymentsPerSecond", Samples.round(stats.completed.sum() / seconds));
        phase.put("eventsAppended", headAfter - headBefore);
        phase.put("eventsPerSecond", Samples.round((headAfter - headBefore) / seconds));
        if ("paced".equals(phase.get("kind"))) {
            phase.put("scheduledPayments", stats.scheduled.get());
            phase.put("notStartedBehindSchedule", stats.notStarted.get());
            phase.put("startDelay", stats.startDelay.summary());
        }
        phase.put("confirmLatency", stats.confirm.summary());
        phase.put("projectionLag", stats.projectionLag.summary());
        phase.put("checkoutLatency", stats.checkout.summary());
        phase.put("historyReadLatency", stats.historyRead.summary());
        phase.put("historyPolls", stats.historyPolls.sum());
        Map<String, Long> errors = stats.errorCounts();
        phase.put("errorCount", errors.values().stream().mapToLong(Long::longValue).sum());
        phase.put("errors", errors);
        phase.put("settleSeconds", settle(Duration.ofSeconds(options.quick() ? 30 : 60)));
        Prometheus after = api.prometheus();
        phase.put("jitSettleSeconds", jitSettle());
        phase.put("kafkaPublishLag", Prometheus.histogramDelta(before, after, "integration_publish_lag_seconds", ""));
        phase.put("tossConfirm", Prometheus.histogramDelta(before, after, "toss_api_request_seconds", "endpoint=\"confirm\""));
        phase.put("resources", resources);
        phase.put("cpuMsPerPayment", cpuMsPerPayment((Map<String, Object>) resources.get("cpuCores"),
                stats.completed.sum() / seconds));
        say(phase.get("name") + ": " + phase.get("paymentsPerSecond") + " payments/s, confirm p99 "
                + ((Map<?, ?>) phase.get("confirmLatency")).get("p99Ms") + " ms, projection lag p99 "
                + ((Map<?, ?>) phase.get("projectionLag")).get("p99Ms") + " ms, errors " + phase.get("errorCount"));
    }

    /**
     * CPU milliseconds each completed payment cost a process: its cores busy × 1000 ÷ payments/s.
     * Nulls when no payment completed.
     */
    private static Map<String, Object> cpuMsPerPayment(Map<String, Object> cores, double paymentsPerSecond) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String process : List.of("service", "postgres", "tossSandbox", "benchmark")) {
            Double busy = Report.number(cores.get(process));
            out.put(process, busy == null || paymentsPerSecond <= 0 ? null : Samples.round(busy * 1000 / paymentsPerSecond));
        }
        return out;
    }

    /**
     * Waits until every event processor has caught up with the event store (lag 0), so one phase's
     * backlog is not billed to the next; the seconds it took, or -1 if it did not within the timeout.
     */
    @SuppressWarnings("unchecked")
    private double settle(Duration timeout) throws Api.Failure {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            Map<String, Object> all = api.processors(admin);
            boolean caughtUp = ((List<Object>) all.get("processors")).stream()
                    .map(p -> (Map<String, Object>) p)
                    .allMatch(p -> p.get("lag") == null || ((Number) p.get("lag")).longValue() == 0);
            if (caughtUp) {
                return Samples.round((System.nanoTime() - start) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                notes.add("event processors still behind " + timeout.toSeconds() + " s after a phase: " + lags(all));
                return -1;
            }
            Load.sleep(250_000_000L);
        }
    }

    /**
     * Waits until the service's JIT compilers have been quiet (under 5 % of a core for 2 s), so that a
     * phase does not pay for compiling what the one before it made hot: a closed loop keeps both cores
     * busy, the compiler threads get a sliver of them, and their queue drains into whatever runs next.
     * The seconds it took, or -1 (with a note) if they were still busy after 90 s (quick 30 s).
     */
    private double jitSettle() {
        Duration timeout = Duration.ofSeconds(options.quick() ? 30 : 90);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long window = 2_000_000_000L;
        List<long[]> samples = new ArrayList<>(); // {nanoTime, compiler ticks}
        while (true) {
            long now = System.nanoTime();
            long ticks = ProcFs.compilerTicks(service.pid());
            samples.add(new long[] {now, ticks});
            // the oldest sample kept is the newest one at least a window old
            while (samples.size() > 2 && now - samples.get(1)[0] >= window) {
                samples.remove(0);
            }
            long[] first = samples.get(0);
            if (now - first[0] >= window) {
                double cores = ProcFs.cores(ticks - first[1], (now - first[0]) / 1e9);
                if (cores < 0.05) {
                    return Samples.round((now - start) / 1e9);
                }
            }
            if (now > deadline) {
                notes.add("the JIT compilers were still busy " + timeout.toSeconds() + " s after a phase");
                return -1;
            }
            Load.sleep(250_000_000L);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lags(Map<String, Object> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object p : (List<Object>) all.get("processors")) {
            Map<String, Object> processor = (Map<String, Object>) p;
            if (processor.get("lag") != null && ((Number) processor.get("lag")).longValue() > 0) {
                out.put((String) processor.get("name"), processor.get("lag"));
            }
        }
        return out;
    }

    /** The highest global index in the event store. */
    private long head() throws java.sql.SQLException {
        return postgres.queryLong("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
    }

    private Map<String, Object> replay(Load load, List<String> tokens) throws Exception {
        Map<String, Object> replay = new LinkedHashMap<>();
        long target = options.replayEvents();
        long events = postgres.queryLong("SELECT COUNT(*) FROM domain_event_entry");
        replay.put("eventsBeforeSeeding", events);
        if (events < target && options.seedMax().toMillis() > 0) {
            replay.put("seeding", seed(load, tokens, target));
        } else if (events < target) {
            notes.add("replay measured over " + events + " events, fewer than " + target
                    + " (no seeding in this mode): events/s over a small store is not comparable to the target");
        }
        // the seeding's closed loop leaves the JIT as the closed phases do: led in until it is done
        replay.put("leadIn", leadIn(load, tokens, leadInRate));
        replay.put("settleSeconds", settle(Duration.ofMinutes(5)));
        replay.put("jitSettleSeconds", jitSettle());
        long viewsBefore = postgres.queryLong("SELECT COUNT(*) FROM payment_view");
        say("replay of payment-history over " + postgres.queryLong("SELECT COUNT(*) FROM domain_event_entry") + " events");
        Monitor.Mark mark = monitor.begin();
        long start = System.nanoTime();
        Map<String, Object> started = api.replay(admin, "payment-history");
        long head = ((Number) started.get("head")).longValue();
        List<List<Object>> progress = new ArrayList<>();
        long deadline = start + Duration.ofMinutes(15).toNanos();
        double firstMove = Double.NaN;
        while (true) {
            Map<String, Object> p = api.processor(admin, "payment-history");
            long position = p.get("position") == null ? -1 : ((Number) p.get("position")).longValue();
            double at = (System.nanoTime() - start) / 1e9;
            if (Double.isNaN(firstMove) && position > 0) {
                firstMove = at;
            }
            if (progress.isEmpty() || at - ((Number) progress.get(progress.size() - 1).get(0)).doubleValue() >= 1) {
                progress.add(List.of(Samples.round(at), position));
            }
            if (!Boolean.TRUE.equals(p.get("replaying")) && position >= head) {
                break;
            }
            if (System.nanoTime() > deadline) {
                notes.add("the replay had not finished after 15 min (position " + position + " of " + head + ")");
                break;
            }
            Load.sleep(100_000_000L);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        replay.put("resources", monitor.end(mark));
        long replayed = postgres.queryLong("SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= " + head);
        replay.put("events", replayed);
        replay.put("headAtStart", head);
        replay.put("seconds", Samples.round(seconds));
        replay.put("eventsPerSecond", Samples.round(replayed / seconds));
        // the stop, reset and restart of the processor before the first event counts: shown apart,
        // as it weighs heavily on a small store and little on 200,000 events
        replay.put("secondsBeforeFirstEvent", Samples.round(firstMove));
        replay.put("eventsPerSecondOnceMoving", Double.isNaN(firstMove) ? null : Samples.round(replayed / (seconds - firstMove)));
        replay.put("eventFloor", 200_000);
        replay.put("overEventFloor", replayed >= 200_000);
        replay.put("paymentViewsBefore", viewsBefore);
        replay.put("paymentViewsAfter", postgres.queryLong("SELECT COUNT(*) FROM payment_view"));
        replay.put("progress", progress);
        say("replay: " + replayed + " events in " + replay.get("seconds") + " s = " + replay.get("eventsPerSecond") + " events/s");
        return replay;
    }

    /** Real payments (checkout, approval, confirm; no history reads) until the store holds {@code target} events. */
    private Map<String, Object> seed(Load load, List<String> tokens, long target) throws Exception {
        long before = head();
        say("seeding: real payments with " + options.seedUsers() + " users until " + target
                + " events (at most " + options.seedMax().toSeconds() + " s)");
        long[] lastCheck = {0};
        boolean[] reached = {false};
        Load.Stats stats = load.closedLoop(tokens.subList(0, options.seedUsers()), options.seedMax(), false, () -> {
            if (System.nanoTime() - lastCheck[0] < 2_000_000_000L) {
                return false;
            }
            lastCheck[0] = System.nanoTime();
            try {
                reached[0] = head() >= target;
            } catch (java.sql.SQLException e) {
                return false;
            }
            return reached[0];
        });
        long after = head();
        Map<String, Object> seeding = new LinkedHashMap<>();
        seeding.put("seconds", Samples.round(stats.seconds()));
        seeding.put("payments", stats.completed.sum());
        seeding.put("paymentsPerSecond", Samples.round(stats.completed.sum() / stats.seconds()));
        seeding.put("eventsAdded", after - before);
        seeding.put("errors", stats.errorCounts());
        seeding.put("reachedTarget", after >= target);
        if (after < target) {
            notes.add("seeding stopped after " + options.seedMax().toSeconds() + " s at " + after + " events, short of "
                    + target + ": at " + seeding.get("paymentsPerSecond") + " payments/s the store fills too slowly");
        }
        return seeding;
    }

    private void finish() {
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("servicePeakRssMb", ProcFs.peakRssKb(service.pid()) / 1024);
        whole.put("gc", GcLog.between(service.gcLog, service.spawnedAt(), Instant.now()));
        whole.put("wallSeconds", Samples.round((System.nanoTime() - STARTED) / 1e9));
        result.put("wholeRun", whole);
    }

    private static Path uniqueFile(Path dir, String stamp) {
        Path file = dir.resolve(stamp + ".json");
        for (int i = 2; Files.exists(file); i++) {
            file = dir.resolve(stamp + "-" + i + ".json");
        }
        return file;
    }
}
