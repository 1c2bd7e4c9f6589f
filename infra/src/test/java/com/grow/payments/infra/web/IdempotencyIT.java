package com.grow.payments.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key (the README's API walk-through) against the embedded Redis, and exactly-once confirms under races. */
class IdempotencyIT extends IntegrationTest {

    @AfterEach
    void noLatency() {
        sandbox().faults().clear();
    }

    @Test
    void the_same_key_and_body_replays_the_first_answer_byte_for_byte_and_checks_out_once() {
        String token = token("member-idem-replay");
        String key = UUID.randomUUID().toString();
        String body = "{\"orderName\":\"Baking class\",\"amount\":21000}";

        Reply first = postWithKey("/api/v1/payments", token, key, body);
        Reply again = postWithKey("/api/v1/payments", token, key, "{ \"amount\": 21000, \"orderName\": \"Baking class\" }");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/payments", token).json().path("totalElements").asLong()).isEqualTo(1));
    }

    @Test
    void the_same_key_with_another_body_is_409_and_runs_nothing() {
        String token = token("member-idem-reuse");
        String key = UUID.randomUUID().toString();
        postWithKey("/api/v1/payments", token, key, "{\"orderName\":\"A\",\"amount\":1000}");
        long events = eventCount();

        Reply reused = postWithKey("/api/v1/payments", token, key, "{\"orderName\":\"A\",\"amount\":2000}");

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void a_key_is_scoped_to_its_member() {
        String key = UUID.randomUUID().toString();
        Reply mine = postWithKey("/api/v1/payments", token("member-idem-a"), key, "{\"orderName\":\"A\",\"amount\":1000}");
        Reply theirs = postWithKey("/api/v1/payments", token("member-idem-b"), key, "{\"orderName\":\"B\",\"amount\":5000}");

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().path("orderId").asText()).isNotEqualTo(mine.json().path("orderId").asText());
    }

    @Test
    void a_key_whose_request_was_refused_with_400_can_be_used_again() {
        String token = token("member-idem-fix");
        String[] payment = checkoutAndAuthorize(token, 13000, null);
        String key = UUID.randomUUID().toString();

        Reply tampered = postWithKey("/api/v1/payments/confirm", token, key, confirmBody(payment[0], payment[1], 1300));
        Reply fixed = postWithKey("/api/v1/payments/confirm", token, key, confirmBody(payment[0], payment[1], 13000));

        assertThat(tampered.code()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.json().path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void a_second_request_while_the_first_runs_is_409_with_retry_after() {
        String token = token("member-idem-inflight");
        String[] payment = checkoutAndAuthorize(token, 17000, null);
        String key = UUID.randomUUID().toString();
        sandbox().faults().latency(Duration.ofMillis(700));

        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() ->
                postWithKey("/api/v1/payments/confirm", token, key, confirmBody(payment[0], payment[1], 17000)));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox().stats().confirmRequests(payment[0]) == 1);
        Reply second = postWithKey("/api/v1/payments/confirm", token, key, confirmBody(payment[0], payment[1], 17000));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("REQUEST_IN_PROGRESS");
        assertThat(second.header("Retry-After")).isNotNull();
        assertThat(first.join().status()).isEqualTo(200);
        Reply replay = postWithKey("/api/v1/payments/confirm", token, key, confirmBody(payment[0], payment[1], 17000));
        assertThat(replay.body()).isEqualTo(first.join().body());
    }

    @Test
    void an_invalid_key_is_a_400_problem() {
        Reply tooLong = postWithKey("/api/v1/payments", token("member-idem-bad"), "k".repeat(256),
                "{\"orderName\":\"A\",\"amount\":1000}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.isProblem()).isTrue();
    }

    @Test
    void fifty_concurrent_confirms_with_one_key_reach_toss_once_and_all_see_the_same_payment() {
        String token = token("member-race-one-key");
        String[] payment = checkoutAndAuthorize(token, 25000, null);
        String key = UUID.randomUUID().toString();

        List<Reply> finals = race(50, i -> untilSettled(() ->
                postWithKey("/api/v1/payments/confirm", token, key, confirmBody(payment[0], payment[1], 25000))));

        assertThat(sandbox().stats().confirmRequests(payment[0])).isEqualTo(1);
        assertThat(sandbox().stats().approvals(payment[0])).isEqualTo(1);
        assertThat(finals).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(finals.stream().map(Reply::body).collect(Collectors.toSet())).hasSize(1);
    }

    @Test
    void fifty_concurrent_confirms_with_fifty_keys_reach_toss_once_and_all_see_the_same_payment() {
        String token = token("member-race-many-keys");
        String[] payment = checkoutAndAuthorize(token, 26000, null);

        List<Reply> replies = race(50, i -> postWithKey("/api/v1/payments/confirm", token,
                UUID.randomUUID().toString(), confirmBody(payment[0], payment[1], 26000)));

        assertThat(sandbox().stats().confirmRequests(payment[0])).isEqualTo(1);
        assertThat(sandbox().stats().approvals(payment[0])).isEqualTo(1);
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        Set<String> statuses = replies.stream().map(r -> r.json().path("status").asText()).collect(Collectors.toSet());
        assertThat(statuses).containsExactly("DONE");
        assertThat(replies.stream().map(r -> r.json().path("paymentKey").asText()).collect(Collectors.toSet()))
                .containsExactly(payment[1]);
    }

    /** A client that honours 409 REQUEST_IN_PROGRESS by asking again until the first one finished. */
    private Reply untilSettled(java.util.function.Supplier<Reply> call) {
        Reply[] last = new Reply[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = call.get();
            return !"REQUEST_IN_PROGRESS".equals(last[0].code());
        });
        return last[0];
    }

    private static List<Reply> race(int callers, java.util.function.IntFunction<Reply> call) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<Reply>> futures = new ArrayList<>();
            IntStream.range(0, callers).forEach(i -> futures.add(CompletableFuture.supplyAsync(() -> call.apply(i), pool)));
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
