package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    /**
     * Each instance keeps the payments it last wrote: one the other instance wrote since is read
     * anew before a command is handled here, never handled on the state this instance kept.
     */
    @Test
    void a_payment_the_other_instance_wrote_since_is_read_anew_before_a_command_here() {
        String token = token("member-kept-aggregate");
        String orderId = post("/api/v1/payments", token, "{\"orderName\":\"Hobby class\",\"amount\":8000}")
                .json().path("orderId").asText();
        assertThat(eventCount(orderId)).isEqualTo(1);

        // the other instance flags it for an operator: this one last saw it unflagged
        second.getBean(CommandGateway.class).sendAndWait(new FlagPaymentForOperator(new OrderId(orderId),
                "flagged on the other instance"));
        assertThat(eventCount(orderId)).isEqualTo(2);

        // only a flagged payment can be resolved: on the state kept here it would be refused
        Reply resolved = post("/api/v1/admin/payments/" + orderId + "/resolve", token("ops-kept-aggregate", "ADMIN"),
                "{\"note\":\"checked with Toss\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("needsAttention").asBoolean()).isFalse();
        assertThat(eventCount(orderId)).isEqualTo(3);
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
