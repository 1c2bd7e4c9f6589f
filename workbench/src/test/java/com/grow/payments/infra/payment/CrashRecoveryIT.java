package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance dies after Toss approved but before the approval was recorded. Nobody touches the
 * payment; the surviving instance's janitor finds it, looks it up at Toss and records it DONE.
 */
class CrashRecoveryIT extends IntegrationTest {

    private static final String SAGA = "PaymentConfirmationSagaProcessor";

    @Autowired
    private EventProcessingConfiguration processing;

    @AfterEach
    void restore() {
        sandbox().faults().clear();
        processing.eventProcessor(SAGA).ifPresent(EventProcessor::start);
    }

    @Test
    void a_payment_approved_while_its_instance_died_ends_done_without_human_action() {
        String token = token("member-crash");
        String[] payment = checkoutAndAuthorize(token, 18000, null);
        // this instance steps aside so the doomed one runs the confirmation saga
        processing.eventProcessor(SAGA).ifPresent(EventProcessor::shutDown);
        ConfigurableApplicationContext doomed = new SpringApplicationBuilder(GrowPaymentsApplication.class, com.grow.payments.infra.TestClock.Configuration.class)
                .profiles("standalone")
                .run("--server.port=0", "--payments.sandbox.port=0", "--toss.read-timeout=20s",
                        "--server.shutdown=immediate", "--payments.confirm.wait-timeout=1s",
                        "--payments.janitor.sweep-initial-delay=1h");
        String doomedUrl = "http://127.0.0.1:" + doomed.getEnvironment().getProperty("local.server.port");
        sandbox().faults().latency(Duration.ofSeconds(4));

        CompletableFuture.runAsync(() -> send(request(doomedUrl, "/api/v1/payments/confirm", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(confirmBody(payment[0], payment[1], 18000)))));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox().stats().confirmRequests(payment[0]) == 1);
        doomed.close(); // dies while Toss is still answering
        processing.eventProcessor(SAGA).ifPresent(EventProcessor::start);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "DONE".equals(sandbox().payment(payment[0]).orElseThrow().status().name()));
        assertThat(status(payment[0], token)).as("nothing recorded the approval yet").isEqualTo("IN_PROGRESS");
        sandbox().faults().latency(Duration.ZERO);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status(payment[0], token)).isEqualTo("DONE"));
        assertThat(sandbox().stats().approvals(payment[0])).isEqualTo(1);
    }
}
