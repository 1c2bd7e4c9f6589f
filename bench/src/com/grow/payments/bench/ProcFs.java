package com.grow.payments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** What Linux tells about processes and the machine (the benchmark runs on Linux only). */
final class ProcFs {

    private static final Path PROC = Path.of("/proc");
    static final long CLOCK_TICKS = clockTicks();

    private ProcFs() {
    }

    /** Resident set size in KiB ({@code VmRSS}), or -1 once the process is gone. */
    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** The peak resident set size in KiB ({@code VmHWM}). */
    static long peakRssKb(long pid) {
        return statusField(pid, "VmHWM:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return -1;
    }

    /** CPU time (user + system) of one process, in clock ticks; 0 when it is gone. */
    static long cpuTicks(long pid) {
        return userAndSystemTicks(statFields(pid));
    }

    /** utime + stime of a stat file's fields; 0 when the file was gone. */
    private static long userAndSystemTicks(String[] f) {
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * CPU time (user + system) of a JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"
     * in /proc/pid/task/tid/comm), in clock ticks; 0 when the process is gone.
     */
    static long compilerTicks(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(PROC.resolve(pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"));
                } catch (IOException threadEnded) {
                    continue;
                }
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks += userAndSystemTicks(statFields(task.resolve("stat")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return ticks;
    }

    /** Clock ticks spent over a span, as cores busy. */
    static double cores(long ticks, double seconds) {
        return ticks / (double) CLOCK_TICKS / seconds;
    }

    /** Fields of /proc/pid/stat after the command name: f[0] is the state, f[1] the parent. */
    private static String[] statFields(long pid) {
        return statFields(PROC.resolve(pid + "/stat"));
    }

    /** The same for any stat file of that format (a process's or one of its threads'); null when it is gone. */
    private static String[] statFields(Path file) {
        try {
            String stat = Files.readString(file);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The process and every process below it. */
    static Set<Long> withDescendants(long root) {
        Map<Long, Long> parents = new LinkedHashMap<>();
        for (long pid : pids()) {
            String[] f = statFields(pid);
            if (f != null) {
                parents.put(pid, Long.parseLong(f[1]));
            }
        }
        Set<Long> tree = new HashSet<>();
        tree.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Long, Long> e : parents.entrySet()) {
                if (tree.contains(e.getValue()) && tree.add(e.getKey())) {
                    grew = true;
                }
            }
        }
        return tree;
    }

    /**
     * CPU time of a process tree, in clock ticks: each live process's own time plus what its
     * ended children left it (cutime, cstime), so backends that came and went are not lost.
     */
    static long treeCpuTicks(long root) {
        long total = 0;
        for (long pid : withDescendants(root)) {
            String[] f = statFields(pid);
            if (f != null) {
                total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return total;
    }

    /** Machine-wide {busy, total} ticks from /proc/stat (all cores). */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * Waits, up to {@code max}, until every process on the machine together has used less than
     * {@code cores} for {@code window}: what ran before (a build, the last run's shutdown) is then
     * not in what is measured next. Returns the seconds waited and the cores of the last window.
     */
    static Map<String, Object> awaitQuiet(double cores, Duration window, Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        double last;
        do {
            long[] before = machineTicks();
            Load.sleep(window.toNanos());
            long[] after = machineTicks();
            last = cores(after[0] - before[0], window.toNanos() / 1e9);
        } while (last >= cores && System.nanoTime() < deadline);
        Map<String, Object> quiet = new LinkedHashMap<>();
        quiet.put("waitedSeconds", Samples.round((System.nanoTime() - start) / 1e9));
        quiet.put("machineBusyCores", Samples.round(last));
        quiet.put("quiet", last < cores);
        return quiet;
    }

    static String loadAverage() {
        try {
            return Files.readString(PROC.resolve("loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The port of the PostgreSQL the service talks to: the standalone profile starts it on a free
     * port and does not log it, so this matches the service's TCP connections against the ports of
     * the postgres servers running on the machine ({@code postgres ... -p PORT}).
     */
    static OptionalInt postgresPortOf(long servicePid) {
        Set<Integer> candidates = new HashSet<>();
        for (long pid : pids()) {
            List<String> argv = cmdline(pid);
            if (!argv.isEmpty() && argv.get(0).endsWith("/postgres")) {
                int p = argv.indexOf("-p");
                if (p >= 0 && p + 1 < argv.size()) {
                    candidates.add(Integer.parseInt(argv.get(p + 1)));
                }
            }
        }
        Set<String> inodes = socketInodes(servicePid);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && inodes.contains(f[9])) {
                        int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                        if (candidates.contains(remotePort)) {
                            return OptionalInt.of(remotePort);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table here
            }
        }
        return OptionalInt.empty();
    }

    /** The postmaster listening on a port (its children are the connections' backends). */
    static OptionalLong postmasterOn(int port) {
        for (long pid : pids()) {
            List<String> argv = cmdline(pid);
            if (!argv.isEmpty() && argv.get(0).endsWith("/postgres")) {
                int p = argv.indexOf("-p");
                if (p >= 0 && p + 1 < argv.size() && argv.get(p + 1).equals(String.valueOf(port))) {
                    return OptionalLong.of(pid);
                }
            }
        }
        return OptionalLong.empty();
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> out = new HashSet<>();
        try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        out.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closed) {
                    // closed while we looked
                }
            });
        } catch (IOException e) {
            // gone
        }
        return out;
    }

    static List<String> cmdline(long pid) {
        try {
            String raw = new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")));
            List<String> out = new ArrayList<>();
            for (String part : raw.split("\0")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static List<Long> pids() {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> out.add(Long.parseLong(n)));
        } catch (IOException e) {
            throw new IllegalStateException("no /proc: the benchmark runs on Linux", e);
        }
        return out;
    }

    /** Cores, memory, CPU model, kernel and JDK. */
    static Map<String, Object> machine() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("memoryMb", meminfoKb("MemTotal:") / 1024);
        out.put("cpuModel", cpuModel());
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        out.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return out;
    }

    static long meminfoKb(String field) {
        try {
            for (String line : Files.readAllLines(PROC.resolve("meminfo"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(PROC.resolve("cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return "unknown";
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
