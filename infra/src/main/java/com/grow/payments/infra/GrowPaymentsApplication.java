package com.grow.payments.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The GROW Payments service: command side, sagas and query side in one deployable. */
@SpringBootApplication(scanBasePackages = "com.grow.payments")
@ConfigurationPropertiesScan("com.grow.payments")
public class GrowPaymentsApplication {

    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // no outside network here, and no usage reports from a payment service
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        // nor an advertisement for AxonIQ's hosted console in every start's log
        System.setProperty("disable-axoniq-console-message",
                System.getProperty("disable-axoniq-console-message", "true"));
        // On one or two cores the JDK sizes its common pool at one thread, and CompletableFuture then
        // starts a new thread for every asynchronous step, such as each answer of Toss's HTTP client.
        // Two threads keep that pool in use; the work itself runs on the service's own pools.
        System.setProperty(COMMON_POOL_PARALLELISM, System.getProperty(COMMON_POOL_PARALLELISM,
                String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1))));
        try {
            SpringApplication.run(GrowPaymentsApplication.class, args);
        } catch (RuntimeException startupFailed) {
            // Spring has reported why; embedded servers' threads must not keep a failed process alive
            System.exit(1);
        }
    }
}
