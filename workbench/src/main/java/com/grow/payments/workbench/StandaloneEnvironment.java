package com.grow.payments.workbench;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Profile {@code standalone} (the README's standalone profile): everything the service needs runs in this JVM, each
 * embedded part giving way to a real one when its usual key is set.
 */
public class StandaloneEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "standalone-embedded-servers";

    /** One per JVM: every application context in it talks to the same sandbox. */
    private static final String GENERATED_SECRET_KEY =
            "test_sk_" + "standalone_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("standalone")) || env.getPropertySources().contains(SOURCE)) {
            return;
        }
        Map<String, Object> embedded = new LinkedHashMap<>();
        // the broker takes longest to start: it starts beside PostgreSQL and Redis, not after them
        CompletableFuture<String> kafka = env.containsProperty("spring.kafka.bootstrap-servers") ? null
                : CompletableFuture.supplyAsync(() -> EmbeddedServers.kafka(
                        env.getProperty("payments.standalone.kafka-port", Integer.class, 9092)), StandaloneEnvironment::starter);
        if (!env.containsProperty("spring.datasource.url")) {
            var postgres = EmbeddedServers.postgres();
            embedded.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            embedded.put("spring.datasource.username", "postgres");
            embedded.put("spring.datasource.password", "postgres");
        }
        if (!env.containsProperty("spring.data.redis.url") && !env.containsProperty("spring.data.redis.host")
                && !env.containsProperty("spring.data.redis.port")) {
            embedded.put("spring.data.redis.host", "127.0.0.1");
            embedded.put("spring.data.redis.port", EmbeddedServers.redis());
        }
        if (kafka != null) {
            // 9092 by default, so kafka-console-consumer and friends find it; 0 = any free port
            embedded.put("spring.kafka.bootstrap-servers", started(kafka));
        }
        // the profile's own merchants, unless the Toss credentials are given: a real key never meets a test one
        if (!env.containsProperty("toss.secret-key") && !SandboxSettings.serviceNamesMerchants(env)) {
            StandaloneMerchants.copyInto(env, embedded);
        }
        // in place now, so that the sandbox below registers the merchants' keys
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, embedded));
        if (!env.containsProperty("toss.base-url")) {
            String secretKey = env.getProperty("toss.secret-key");
            if (secretKey == null && !SandboxSettings.serviceNamesMerchants(env)) {
                secretKey = GENERATED_SECRET_KEY;
                embedded.put("toss.secret-key", secretKey);
            }
            int port = env.getProperty("payments.sandbox.port", Integer.class, 8090);
            embedded.put("toss.base-url",
                    EmbeddedServers.sandbox(SandboxSettings.from(env, port, secretKey).build()).baseUrl());
        }
    }

    private static void starter(Runnable start) {
        Thread thread = new Thread(start, "embedded-kafka-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static String started(CompletableFuture<String> server) {
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
