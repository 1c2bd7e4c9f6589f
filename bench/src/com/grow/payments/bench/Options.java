package com.grow.payments.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code bench/run.sh}; {@code --quick} changes the defaults, explicit options still win. */
record Options(
        boolean quick,
        int users,
        int latencyUsers,
        Duration warmup,
        Duration duration,
        List<Duration> sandboxLatencies,
        List<PacedRate> pacedRates,
        int pacedWorkers,
        Duration pgDuration,
        int pgConnections,
        long replayEvents,
        Duration seedMax,
        int seedUsers,
        Duration quietMax,
        String heap,
        List<String> jvmArgs,
        Duration pollInterval,
        Path jar,
        Path resultsDir,
        Path workDir,
        String note) {

    static final String USAGE = """
            bench/run.sh [options]      (run from the repository root or anywhere; see bench/README.md)

              --build                  rebuild the service jar first (./mvnw -q install -DskipTests); it is
                                       built anyway when missing
              --quick                  5-7 min with start-up: short phases, no seeding (replay over the
                                       events the run made)
              --users N                closed-loop virtual users at 0 ms sandbox latency (64)
              --latency-users N        users for phases with sandbox latency > 0 (4 x --users): a closed
                                       loop of N users cannot exceed N / latency payments/s
              --warmup D               the warm-up's closed loop, not counted (60s; quick 10s); a paced loop at
                                       half its rate follows until the JIT is done (at most 3 x D)
              --duration D             each measured phase (60s; quick 20s)
              --sandbox-latency L,...  Toss confirm latency of the closed-loop phases (0ms,300ms)
              --paced-rate R,...       open-loop phases at R payments/s, sandbox at 0 ms (half): R is a number,
                                       or half = half the payments/s the closed loop at 0 ms completed in
                                       this run (the confirm p99 target's rate), run after the closed-loop
                                       phases; e.g. half,500,40; 0 skips them
              --paced-workers N        concurrent flows the paced phase may have in flight (256)
              --pg-duration D          raw PostgreSQL append loop (20s; quick 10s)
              --pg-connections N       its connections, one row per transaction each (32)
              --replay-events N        seed real payments until the event store holds N events before
                                       the replay (200000; quick 0 = replay what is there)
              --seed-max D             give up seeding after D and replay what exists (7m; quick 0s)
              --seed-users N           closed-loop users while seeding (64)
              --quiet-max D            before starting the service, wait up to D for the machine to be quiet
                                       (all processes under a quarter of a core for 2 s), so that ready
                                       measures the service, not a build that just ended (2m; quick 30s;
                                       0s measures the 2 s once and starts whatever it finds)
              --heap S                 the service's -Xmx (512m)
              --jvm-args "A B"         more options for the service's JVM, e.g. a JFR recording to profile
                                       a run ("-XX:StartFlightRecording=filename=x.jfr"); kept in the results
              --poll-interval D        history polls while waiting for a confirmed payment (10ms)
              --jar PATH               the service (workbench/target/grow-payments-workbench.jar)
              --results DIR            where <date>.json goes (bench/results)
              --note TEXT              free text kept in the results (e.g. what else ran on the machine)
            Durations: 500ms, 30s, 2m.
            """;

    static Options parse(String[] args, Path repo) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (arg.equals("--quick")) {
                quick = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg + "\n" + USAGE);
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value\n" + USAGE);
            }
            given.put(key, value);
        }
        Defaults d = new Defaults(given, quick);
        int users = d.integer("users", 64, 64);
        Options options = new Options(quick,
                users,
                d.integer("latency-users", 4 * users, 4 * users),
                d.duration("warmup", "60s", "10s"),
                d.duration("duration", "60s", "20s"),
                d.durations("sandbox-latency", "0ms,300ms"),
                d.pacedRates("paced-rate", "half"),
                d.integer("paced-workers", 256, 256),
                d.duration("pg-duration", "20s", "10s"),
                d.integer("pg-connections", 32, 32),
                d.integer("replay-events", 200_000, 0),
                d.duration("seed-max", "7m", "0s"),
                d.integer("seed-users", 64, 64),
                d.duration("quiet-max", "2m", "30s"),
                d.text("heap", "512m"),
                Arrays.stream(d.text("jvm-args", "").trim().split("\\s+")).filter(a -> !a.isEmpty()).toList(),
                d.duration("poll-interval", "10ms", "10ms"),
                repo.resolve(d.text("jar", "workbench/target/grow-payments-workbench.jar")),
                repo.resolve(d.text("results", "bench/results")),
                repo.resolve("bench/work"),
                d.text("note", ""));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
        }
        return options;
    }

    /**
     * A paced phase's rate: a fixed number of payments/s, or half of what the closed loop at 0 ms
     * completed in the same run ({@code half}), known only once that phase has run.
     */
    record PacedRate(int perSecond, boolean halfOfClosedLoop) {

        static final String HALF = "half";

        static PacedRate parse(String text) {
            if (text.equalsIgnoreCase(HALF)) {
                return new PacedRate(0, true);
            }
            try {
                return new PacedRate(Integer.parseInt(text.replace("_", "")), false);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a paced rate: " + text + " (a number of payments/s, or " + HALF + ")");
            }
        }

        /** As given on the command line: {@code half} or the number. */
        Object asOption() {
            return halfOfClosedLoop ? HALF : perSecond;
        }
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 300ms, 30s, 2m)");
        }
    }

    /** Values taken from the command line are removed, so what is left over was not understood. */
    private static final class Defaults {
        private final Map<String, String> given;
        private final boolean quick;

        Defaults(Map<String, String> given, boolean quick) {
            this.given = given;
            this.quick = quick;
        }

        int integer(String key, long full, long quickValue) {
            String v = given.remove(key);
            return v != null ? Integer.parseInt(v.replace("_", "")) : (int) (quick ? quickValue : full);
        }

        /** Rates of 0 or less are left out, so {@code 0} skips the paced phases. */
        List<PacedRate> pacedRates(String key, String both) {
            String v = given.remove(key);
            return Arrays.stream((v != null ? v : both).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .map(PacedRate::parse).filter(rate -> rate.halfOfClosedLoop() || rate.perSecond() > 0).toList();
        }

        Duration duration(String key, String full, String quickValue) {
            String v = given.remove(key);
            return Options.duration(v != null ? v : quick ? quickValue : full);
        }

        List<Duration> durations(String key, String both) {
            String v = given.remove(key);
            List<Duration> out = new ArrayList<>();
            Arrays.stream((v != null ? v : both).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(s -> out.add(Options.duration(s)));
            return out;
        }

        String text(String key, String value) {
            String v = given.remove(key);
            return v != null ? v : value;
        }
    }
}
