package com.grow.payments.infra;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The integration tests' servers from Testcontainers instead of the embedded ones, where a Docker
 * engine runs: {@code -Dit.servers=testcontainers} (or {@code IT_SERVERS=testcontainers}) starts
 * PostgreSQL 16 (the event store), MySQL 8 (the read models, the seed's primary database), Redis 7
 * and Kafka, once per JVM, and names them in the usual Spring keys, which the standalone profile's
 * embedded servers give way to. Without a Docker engine, or without the switch, the embedded
 * servers run as always.
 */
final class ContainerServers {

    static final String SWITCH = "it.servers";

    private static final Logger log = LoggerFactory.getLogger(ContainerServers.class);
    private static boolean started;

    private ContainerServers() {
    }

    static synchronized void startIfSelected() {
        String chosen = System.getProperty(SWITCH, System.getenv().getOrDefault("IT_SERVERS", "embedded"));
        if (started || !"testcontainers".equals(chosen.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            log.warn("{}=testcontainers but no Docker engine answers: the embedded servers run instead", SWITCH);
            return;
        }
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16");
        MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4");
        GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
        postgres.start();
        mysql.start();
        redis.start();
        kafka.start();
        System.setProperty("spring.datasource.url", postgres.getJdbcUrl());
        System.setProperty("spring.datasource.username", postgres.getUsername());
        System.setProperty("spring.datasource.password", postgres.getPassword());
        System.setProperty("payments.read-model.datasource.url", mysql.getJdbcUrl());
        System.setProperty("payments.read-model.datasource.username", mysql.getUsername());
        System.setProperty("payments.read-model.datasource.password", mysql.getPassword());
        System.setProperty("spring.data.redis.host", redis.getHost());
        System.setProperty("spring.data.redis.port", String.valueOf(redis.getMappedPort(6379)));
        System.setProperty("spring.kafka.bootstrap-servers", kafka.getBootstrapServers());
        started = true;
        log.info("integration tests on Testcontainers: PostgreSQL, MySQL, Redis and Kafka");
    }
}
