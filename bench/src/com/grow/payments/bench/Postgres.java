package com.grow.payments.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The service's own PostgreSQL, reached with the JDBC driver the service ships (taken out of its
 * fat jar): the raw append limit every figure is compared with, and a few counts.
 */
final class Postgres {

    /** A real payment's three events average about these sizes (PaymentCheckedOut, ...Requested, ...Approved). */
    static final int PAYLOAD_BYTES = 280;
    static final int METADATA_BYTES = 265;
    private static final String TABLE = "bench_raw_append";

    private final Driver driver;
    private final String url;
    private final String driverVersion;

    Postgres(Path serviceJar, Path workDir, int port) throws IOException, ReflectiveOperationException {
        Path driverJar = extractDriver(serviceJar, workDir.resolve("lib"));
        URLClassLoader loader = new URLClassLoader(new URL[] {driverJar.toUri().toURL()}, Postgres.class.getClassLoader());
        this.driver = (Driver) Class.forName("org.postgresql.Driver", true, loader).getDeclaredConstructor().newInstance();
        this.driverVersion = driverJar.getFileName().toString();
        this.url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String driverVersion() {
        return driverVersion;
    }

    private static Path extractDriver(Path serviceJar, Path libDir) throws IOException {
        try (ZipFile jar = new ZipFile(serviceJar.toFile())) {
            ZipEntry entry = jar.stream()
                    .filter(e -> e.getName().matches("BOOT-INF/lib/postgresql-[0-9.]+\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no PostgreSQL driver in " + serviceJar));
            Files.createDirectories(libDir);
            Path target = libDir.resolve(entry.getName().substring("BOOT-INF/lib/".length()));
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
    }

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "postgres");
        return driver.connect(url, props);
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Server settings that explain the limit (the standalone profile trades durability for speed). */
    Map<String, Object> settings() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "shared_buffers", "max_connections")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    out.put(name, rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The raw append limit: {@code connections} threads each insert one event-sized row per
     * transaction (autocommit) into a scratch table shaped like domain_event_entry (its own
     * sequence, the same unique indexes), as fast as they can. The table is dropped afterwards.
     */
    Map<String, Object> appendLimit(int connections, Duration duration) throws SQLException, InterruptedException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (global_index BIGSERIAL PRIMARY KEY,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
                    + " type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BYTEA,"
                    + " payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,"
                    + " time_stamp VARCHAR(255) NOT NULL, UNIQUE (aggregate_identifier, sequence_number))");
        }
        Samples latency = new Samples();
        LongAdder rows = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            open.add(connect());
        }
        for (Connection connection : open) {
            Thread t = new Thread(() -> appendLoop(connection, running, measuring, rows, failures, latency), "bench-pg");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Thread.sleep(2_000); // connections warm, statements prepared
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        for (Connection connection : open) {
            connection.close();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TABLE);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connections", connections);
        out.put("seconds", Samples.round(seconds));
        out.put("rows", rows.sum());
        out.put("rowsPerSecond", Samples.round(rows.sum() / seconds));
        out.put("failures", failures.sum());
        out.put("rowBytes", Map.of("payload", PAYLOAD_BYTES, "metaData", METADATA_BYTES));
        out.put("transactionLatency", latency.summary());
        return out;
    }

    private static void appendLoop(Connection connection, AtomicBoolean running, AtomicBoolean measuring,
                                   LongAdder rows, LongAdder failures, Samples latency) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        byte[] metadata = new byte[METADATA_BYTES];
        ThreadLocalRandom.current().nextBytes(payload);
        ThreadLocalRandom.current().nextBytes(metadata);
        String sql = "INSERT INTO " + TABLE + " (aggregate_identifier, sequence_number, type, event_identifier,"
                + " meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            while (running.get()) {
                String aggregate = "ord_" + UUID.randomUUID();
                for (int seq = 0; seq < 3 && running.get(); seq++) {
                    insert.setString(1, aggregate);
                    insert.setLong(2, seq);
                    insert.setString(3, "Payment");
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, metadata);
                    insert.setBytes(6, payload);
                    insert.setString(7, "1");
                    insert.setString(8, "com.grow.payments.shared.payment.PaymentApproved");
                    insert.setString(9, java.time.Instant.now().toString());
                    long t0 = System.nanoTime();
                    try {
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        if (measuring.get()) {
                            failures.increment();
                        }
                        continue;
                    }
                    if (measuring.get()) {
                        latency.add(System.nanoTime() - t0);
                        rows.increment();
                    }
                }
            }
        } catch (SQLException e) {
            failures.increment();
        }
    }
}
