package com.grow.payments.workbench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A one-node Kafka in KRaft mode, broker and controller in one process, run from Kafka's own
 * server classes. Its data lives in a temporary directory that {@link #close()} removes: nothing
 * outlives the JVM that started it.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaConfig config;
    private final Path logDir;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private EmbeddedKafka(KafkaRaftServer server, KafkaConfig config, Path logDir, String bootstrapServers) {
        this.server = server;
        this.config = config;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the node and returns once a client can reach it, or throws within the startup timeout.
     *
     * @param port the broker's port; 0, or a port already taken, means any free port
     */
    static EmbeddedKafka start(int port) {
        Path logDir;
        try {
            logDir = Files.createTempDirectory("grow-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("embedded Kafka: no temporary directory for its logs", e);
        }
        KafkaRaftServer server = null;
        try {
            int brokerPort = port > 0 && isFree(port) ? port : EmbeddedServers.freePort();
            int controllerPort = EmbeddedServers.freePort();
            while (controllerPort == brokerPort) {
                controllerPort = EmbeddedServers.freePort();
            }
            String bootstrapServers = HOST + ":" + brokerPort;
            KafkaConfig config = new KafkaConfig(settings(logDir, brokerPort, controllerPort), false);
            format(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitReady(bootstrapServers);
            return new EmbeddedKafka(server, config, logDir, bootstrapServers);
        } catch (RuntimeException | Error e) {
            try {
                stop(server, logDir);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Stops the broker but keeps its data and ports, as a broker that went away would. */
    synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the stopped broker again on the same ports and data. */
    synchronized void restartBroker() {
        if (server == null) {
            KafkaRaftServer restarted = new KafkaRaftServer(config, Time.SYSTEM);
            restarted.startup();
            server = restarted;
            awaitReady(bootstrapServers);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void close() {
        stop(server, logDir);
        server = null;
    }

    private static Map<String, Object> settings(Path logDir, int brokerPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // A static voter set (kraft.version 0) needs no initial-controllers snapshot at format time.
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // The internal topics default to three replicas, which a single node can never provide.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("min.insync.replicas", "1");
        // Fifty partitions each (the defaults) make the first consumer group or transaction wait
        // while they are all created; a local node needs only a few.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        // A lone consumer should not wait three seconds for group members that will never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner reserves this much heap up front (128 MiB by default) for compacted topics.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        // Bounds the broker's own startup waits, which are unbounded by default.
        props.put("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));
        return props;
    }

    /** What {@code kafka-storage format} does: meta.properties and bootstrap metadata in the log dir. */
    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka: formatting " + logDir + " failed", e);
        }
    }

    /**
     * The broker's startup returns once it is unfenced, but what counts is that a client gets
     * an answer; a cluster description with this node in it is that answer.
     */
    private static void awaitReady(String bootstrapServers) {
        long timeoutMs = STARTUP_TIMEOUT.toMillis();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        try (Admin admin = Admin.create(adminConfig)) {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            if (nodes.stream().map(Node::id).noneMatch(id -> id == NODE_ID)) {
                throw new IllegalStateException("embedded Kafka at " + bootstrapServers
                        + " answered without itself among the brokers: " + nodes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedded Kafka: interrupted while waiting for it to start", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("embedded Kafka at " + bootstrapServers
                    + " did not answer a client within " + STARTUP_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static void stop(KafkaRaftServer server, Path logDir) {
        RuntimeException failure = null;
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            Utils.delete(logDir.toFile());
        } catch (IOException e) {
            var notDeleted = new UncheckedIOException("embedded Kafka: " + logDir + " not deleted", e);
            if (failure == null) {
                failure = notDeleted;
            } else {
                failure.addSuppressed(notDeleted);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
