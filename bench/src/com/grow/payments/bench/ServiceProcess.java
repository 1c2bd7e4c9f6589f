package com.grow.payments.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service in its own JVM, as the README runs it (profile standalone: embedded PostgreSQL,
 * Redis, Kafka and the sandbox), on free ports, its output and GC log in the run's work directory.
 */
final class ServiceProcess {

    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

    final int port = freePort();
    final int sandboxPort = freePort();
    final Path log;
    final Path gcLog;
    final List<String> command = new ArrayList<>();
    private Process process;
    private long spawnedAt;
    private java.time.Instant spawnedInstant;
    private OptionalLong postmaster = OptionalLong.empty();
    private int postgresPort;
    private boolean stopped;

    /** Toss's stand-in, in a JVM of its own: it keeps every payment in memory, as Toss keeps them, and that is not the service's heap. */
    final List<String> sandboxCommand = new ArrayList<>();
    final Path sandboxLog;
    private Process sandbox;

    ServiceProcess(Options options, Path runDir) {
        this.log = runDir.resolve("service.log");
        this.gcLog = runDir.resolve("gc.log");
        this.sandboxLog = runDir.resolve("sandbox.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        String secretKey = "test_sk_bench" + Long.toHexString(System.nanoTime());
        sandboxCommand.add(java);
        sandboxCommand.add("-Xmx1g");
        sandboxCommand.add("-cp");
        sandboxCommand.add(options.jar().toString());
        sandboxCommand.add("-Dloader.main=com.grow.payments.sandbox.TossSandbox");
        sandboxCommand.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        sandboxCommand.add("--port=" + sandboxPort);
        sandboxCommand.add("--secret-key=" + secretKey);
        command.add(java);
        command.add("-Xmx" + options.heap());
        command.add("-Xlog:gc:file=" + gcLog + ":" + GcLog.DECORATIONS);
        command.addAll(options.jvmArgs());
        command.add("-jar");
        command.add(options.jar().toString());
        command.add("--spring.profiles.active=standalone");
        command.add("--server.port=" + port);
        command.add("--toss.base-url=http://127.0.0.1:" + sandboxPort);
        command.add("--toss.secret-key=" + secretKey);
        command.add("--payments.standalone.kafka-port=0");
    }

    /** Starts Toss's stand-in and returns once it listens. */
    void startSandbox() throws IOException {
        sandbox = new ProcessBuilder(sandboxCommand).redirectErrorStream(true).redirectOutput(sandboxLog.toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!listening(sandboxPort)) {
            if (!sandbox.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the Toss sandbox did not start; see " + sandboxLog);
            }
            Load.sleep(100_000_000L);
        }
    }

    /** Spawns the service's JVM; ready is counted from here. */
    void start() throws IOException {
        spawnedAt = System.nanoTime();
        spawnedInstant = java.time.Instant.now();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    java.time.Instant spawnedAt() {
        return spawnedInstant;
    }

    long pid() {
        return process.pid();
    }

    long sandboxPid() {
        return sandbox.pid();
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Polls the readiness probe every 100 ms; the time from spawning the JVM to the first 200. */
    Duration awaitReady(Api api, Duration timeout) throws IOException {
        long deadline = spawnedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            if (api.readiness() == 200) {
                return Duration.ofNanos(System.nanoTime() - spawnedAt);
            }
            Load.sleep(100_000_000L);
        }
        throw new IOException("the service was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Spring's own count: "Started ... in X seconds (process running for Y)", as {X, Y}; null if not logged. */
    double[] springStarted() {
        try {
            Matcher m = STARTED.matcher(Files.readString(log));
            if (m.find()) {
                return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
            }
        } catch (IOException | RuntimeException e) {
            // not there
        }
        return null;
    }

    /** The embedded PostgreSQL's server process: it runs detached from the JVM. */
    void postmaster(int port, OptionalLong pid) {
        this.postgresPort = port;
        this.postmaster = pid;
    }

    /**
     * Stops the JVM as an operator would (SIGTERM, graceful shutdown stops the embedded servers);
     * after a minute it is killed, and the embedded PostgreSQL with it (it runs detached from the JVM).
     */
    synchronized void stop() {
        if (process == null || stopped) {
            return;
        }
        stopped = true;
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                System.err.println("bench: the service did not stop in 60 s; killing pid " + process.pid());
                process.destroyForcibly().waitFor();
            }
            if (postmaster.isPresent()) {
                ProcessHandle.of(postmaster.getAsLong()).ifPresent(pg -> {
                    Load.sleep(5_000_000_000L);
                    // still the server we saw, on its port (not a pid reused since)
                    if (pg.isAlive() && ProcFs.postmasterOn(postgresPort).equals(postmaster)) {
                        System.err.println("bench: stopping the embedded PostgreSQL left behind, pid " + pg.pid());
                        pg.destroy();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sandbox != null) {
                sandbox.destroy();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
