package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service on one database and one Redis, racing confirms on the same orders:
 * the event store's unique (aggregate, sequence) decides, the loser retries and sees the winner.
 */
class TwoInstancesIT extends IntegrationTest {

    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() {
        // arguments, not builder properties: those are defaults that application.yml overrides
        second = new SpringApplicationBuilder(GrowPaymentsApplication.class, com.grow.payments.infra.TestClock.Configuration.class)
                .profiles("standalone")
                .run("--server.port=0", "--payments.sandbox.port=0", "--toss.read-timeout=1s",
                        "--payments.confirm.wait-timeout=6s");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void confirms_racing_on_two_instances_charge_each_order_exactly_once_and_never_fail() {
        String token = token("member-two-instances");
        String secondUrl = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
        List<String[]> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(checkoutAndAuthorize(token, 1000 + i, null));
        }

        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try {
            for (String[] order : orders) {
                long amount = sandbox().payment(order[0]).orElseThrow().totalAmount();
                for (int caller = 0; caller < 8; caller++) {
                    String base = caller % 2 == 0 ? baseUrl() : secondUrl;
                    replies.add(CompletableFuture.supplyAsync(() -> send(request(base, "/api/v1/payments/confirm", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(confirmBody(order[0], order[1], amount)))), pool));
                }
            }
            List<Reply> answers = replies.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(reply -> {
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(reply.json().path("status").asText()).isEqualTo("DONE");
            });
        } finally {
            pool.shutdownNow();
        }
        for (String[] order : orders) {
            assertThat(sandbox().stats().confirmRequests(order[0])).as("Toss confirms for " + order[0]).isEqualTo(1);
            assertThat(sandbox().stats().approvals(order[0])).isEqualTo(1);
            assertThat(eventCount(order[0])).isEqualTo(3);
        }
        cancels_racing_on_two_instances_refund_each_order_exactly_once(token, secondUrl, orders);
    }

    private void cancels_racing_on_two_instances_refund_each_order_exactly_once(String token, String secondUrl,
                                                                                List<String[]> orders) {
        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try {
            for (String[] order : orders) {
                for (int caller = 0; caller < 6; caller++) {
                    String base = caller % 2 == 0 ? baseUrl() : secondUrl;
                    replies.add(CompletableFuture.supplyAsync(() -> send(request(base,
                            "/api/v1/payments/" + order[0] + "/cancel", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"cancelReason\":\"refund\"}"))), pool));
                }
            }
            List<Reply> answers = replies.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(reply -> {
                assertThat(reply.status()).as(reply.body()).isIn(200, 409);
                if (reply.status() == 409) {
                    assertThat(reply.code()).isIn("CANCEL_IN_PROGRESS", "PAYMENT_NOT_CANCELABLE");
                }
            });
        } finally {
            pool.shutdownNow();
        }
        for (String[] order : orders) {
            assertThat(sandbox().stats().cancelExecutions(order[0])).as("Toss refunds for " + order[0]).isEqualTo(1);
            assertThat(sandbox().payment(order[0]).orElseThrow().balanceAmount()).isZero();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(status(order[0], token)).isEqualTo("CANCELED"));
        }
    }
}
