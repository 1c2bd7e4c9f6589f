package com.grow.payments.workbench;

import com.grow.payments.sandbox.SandboxConfig;
import com.grow.payments.sandbox.TossSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The real servers the standalone profile runs on, started from Maven artifacts, once per JVM
 * (two application contexts in one JVM share them, as two instances share one database), and
 * stopped when the JVM exits.
 */
public final class EmbeddedServers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;
    private static TossSandbox sandbox;
    private static EmbeddedKafka kafka;
    /** Kafka has a lock of its own, so that it starts while PostgreSQL and Redis start. */
    private static final Object KAFKA_LOCK = new Object();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopAll, "embedded-servers-stop"));
    }

    private EmbeddedServers() {
    }

    /** PostgreSQL tuned for a throwaway local database: durability traded for speed. */
    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPort(freePort())
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                log.info("embedded PostgreSQL on port {}", postgres.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    /**
     * A fresh database on the embedded PostgreSQL, for a second, independent service in the same
     * JVM (its own event store, tokens and Quartz tables): its JDBC URL, user and password postgres.
     */
    public static synchronized String newPostgresDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (var connection = postgres().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("database " + name + " could not be created", e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    static synchronized int redis() {
        if (redis == null) {
            try {
                redisPort = freePort();
                redis = RedisServer.newRedisServer()
                        .port(redisPort)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                redis.start();
                log.info("embedded Redis on port {}", redisPort);
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start", e);
            }
        }
        return redisPort;
    }

    /** Bootstrap servers of a one-node KRaft Kafka; topics are created on first use. */
    static String kafka(int port) {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                long started = System.nanoTime();
                kafka = EmbeddedKafka.start(port);
                log.info("embedded Kafka at {} (ready in {} ms)", kafka.bootstrapServers(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            return kafka.bootstrapServers();
        }
    }

    /** Stops the embedded Redis, keeping its port: tests of the service without Redis. */
    public static synchronized void stopRedis() throws IOException {
        if (redis != null) {
            redis.stop();
        }
    }

    /** Starts the embedded Redis again on the port the service was given. */
    public static synchronized void restartRedis() throws IOException {
        if (redis != null) {
            redis.start();
        }
    }

    /** Stops the embedded Kafka broker, keeping its ports and its data: tests of a broker outage. */
    public static void stopKafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka != null) {
                kafka.stopBroker();
            }
        }
    }

    /** Starts the embedded Kafka broker again where it was, with the topics and records it had. */
    public static void restartKafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka != null) {
                kafka.restartBroker();
            }
        }
    }

    static synchronized TossSandbox sandbox(SandboxConfig config) {
        if (sandbox == null) {
            sandbox = TossSandbox.start(config);
            log.info("Toss sandbox at {} (payment window: {}/sandbox/checkout)", sandbox.baseUrl(), sandbox.baseUrl());
        }
        return sandbox;
    }

    /** The sandbox this JVM runs, if the standalone profile started one. */
    public static synchronized Optional<TossSandbox> runningSandbox() {
        return Optional.ofNullable(sandbox);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopAll() {
        // Kafka first: it feeds work into this JVM, so it goes before the stores that work writes to.
        synchronized (KAFKA_LOCK) {
            if (kafka != null) {
                try {
                    kafka.close();
                } catch (RuntimeException e) {
                    log.warn("embedded Kafka did not stop cleanly", e);
                }
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                log.warn("embedded Redis did not stop cleanly", e);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
