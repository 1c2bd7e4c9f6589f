package com.grow.payments.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Hundreds of webhooks about one order (a retry storm, or someone posting forged ones): each is
 * answered 200 at once, and Toss sees at most one look-up of the order per interval.
 */
class WebhookFloodIT extends IntegrationTest {

    private static final int WEBHOOKS = 300;

    @Value("${payments.webhook.lookup-interval}")
    private Duration interval;

    @Test
    void a_flood_of_webhooks_for_one_order_costs_at_most_one_look_up_per_interval() throws Exception {
        String token = token("member-flood");
        String[] payment = checkoutAndAuthorize(token, 5000, null);
        assertThat(confirm(token, payment[0], payment[1], 5000).status()).isEqualTo(200);
        String lookupPath = "/v1/payments/orders/" + payment[0];
        String body = statusChanged(payment[0], "DONE");

        Instant start = Instant.now();
        ExecutorService posters = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Reply>> posts = IntStream.range(0, WEBHOOKS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> webhook(body), posters))
                    .toList();
            assertThat(posts.stream().map(CompletableFuture::join).map(Reply::status)).containsOnly(200);
        } finally {
            posters.shutdown();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sandbox().stats().requests("GET", lookupPath) >= 1);
        // the last webhooks' look-up is deferred to the next interval: give it time to run
        await().pollDelay(interval.plusSeconds(1)).atMost(interval.plusSeconds(5)).until(() -> true);

        long lookups = sandbox().stats().requests("GET", lookupPath);
        long elapsedIntervals = Duration.between(start, Instant.now()).toMillis() / interval.toMillis();
        assertThat(lookups).as("look-ups of the order in %s intervals", elapsedIntervals)
                .isBetween(1L, elapsedIntervals + 1);
        assertThat(status(payment[0], token)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_receipt WHERE order_id = ?", Long.class,
                payment[0])).isEqualTo(WEBHOOKS);
    }
}
