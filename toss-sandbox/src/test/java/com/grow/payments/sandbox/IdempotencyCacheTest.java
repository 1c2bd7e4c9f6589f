package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant EXPIRED = T0.plus(IdempotencyCache.RETENTION);

    private final IdempotencyCache cache = new IdempotencyCache();

    @Test
    void an_answer_is_replayed_within_its_retention_and_a_repeat_during_the_call_is_in_flight() {
        IdempotencyCache.Started started = start("key-1", T0);
        assertThat(cache.begin(scope("key-1"), T0.plusSeconds(1))).isInstanceOf(IdempotencyCache.InFlight.class);

        cache.complete(started, answer("first"));

        assertThat(cache.begin(scope("key-1"), EXPIRED.minusMillis(1)))
                .isInstanceOfSatisfying(IdempotencyCache.Replay.class,
                        replay -> assertThat(new String(replay.response().body())).isEqualTo("first"));
        assertThat(cache.begin(scope("key-1"), EXPIRED)).isInstanceOf(IdempotencyCache.Started.class);
    }

    @Test
    void expired_answers_are_forgotten_by_the_next_call_however_few_are_kept() {
        for (int i = 0; i < 10; i++) {
            cache.complete(start("old-" + i, T0.plusSeconds(i)), answer("old"));
        }
        cache.complete(start("recent", T0.plus(Duration.ofDays(1))), answer("recent"));

        start("next", EXPIRED.plusSeconds(9));

        assertThat(cache.size()).as("recent and next are kept, the ten old answers are gone").isEqualTo(2);
        assertThat(cache.begin(scope("recent"), EXPIRED.plusSeconds(10))).isInstanceOf(IdempotencyCache.Replay.class);
    }

    @Test
    void only_answers_past_their_retention_are_forgotten_among_many() {
        for (int i = 0; i < 20_000; i++) {
            cache.complete(start("key-" + i, T0.plusMillis(i)), answer("a" + i));
        }

        start("later", EXPIRED.plusMillis(9_999));

        assertThat(cache.size()).isEqualTo(10_000 + 1);
        assertThat(cache.begin(scope("key-9999"), EXPIRED.plusMillis(9_999))).isInstanceOf(IdempotencyCache.Started.class);
        assertThat(cache.begin(scope("key-10000"), EXPIRED.plusMillis(9_999)))
                .isInstanceOf(IdempotencyCache.Replay.class);
    }

    @Test
    void a_call_still_in_flight_after_the_retention_is_kept_until_it_completes() {
        IdempotencyCache.Started slow = start("slow", T0);
        cache.complete(start("done", T0), answer("done"));

        cache.complete(start("next", EXPIRED), answer("next"));
        assertThat(cache.begin(scope("slow"), EXPIRED)).isInstanceOf(IdempotencyCache.InFlight.class);
        assertThat(cache.size()).isEqualTo(2);

        cache.complete(slow, answer("slow"));
        start("after", EXPIRED.plus(IdempotencyCache.RETENTION));

        assertThat(cache.size()).as("slow waited behind next, and both are forgotten now").isEqualTo(1);
    }

    @Test
    void a_key_begun_again_after_its_answer_expired_keeps_its_new_answer() {
        cache.complete(start("key-1", T0), answer("first"));
        cache.complete(start("key-1", EXPIRED), answer("second"));

        start("other", EXPIRED.plusSeconds(1));

        assertThat(cache.begin(scope("key-1"), EXPIRED.plusSeconds(2)))
                .isInstanceOfSatisfying(IdempotencyCache.Replay.class,
                        replay -> assertThat(new String(replay.response().body())).isEqualTo("second"));
    }

    @Test
    void an_abandoned_key_can_begin_again_and_leaves_nothing_behind() {
        cache.abandon(start("key-1", T0));
        assertThat(cache.size()).isZero();

        cache.complete(start("key-1", T0.plusSeconds(1)), answer("again"));
        start("other", EXPIRED.plusSeconds(1));

        assertThat(cache.size()).as("only other").isEqualTo(1);
    }

    @Test
    void callers_racing_past_the_retention_forget_every_expired_answer_and_no_new_one() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            cache.complete(start("old-" + i, T0.plusMillis(i)), answer("old"));
        }
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> racing = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                racing.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        cache.complete(start("new-" + thread + "-" + i, EXPIRED.plusSeconds(10)), answer("new"));
                    }
                }));
            }
            for (Future<?> call : racing) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cache.size()).isEqualTo(threads * perThread);
        assertThat(cache.begin(scope("new-3-7"), EXPIRED.plusSeconds(11))).isInstanceOf(IdempotencyCache.Replay.class);
    }

    private IdempotencyCache.Started start(String key, Instant at) {
        return (IdempotencyCache.Started) cache.begin(scope(key), at);
    }

    private static String scope(String key) {
        return IdempotencyCache.scope("test_sk_" + "cacheTestKey", "POST", "/v1/payments/confirm", key);
    }

    private static SandboxResponse answer(String body) {
        return new SandboxResponse(200, "text/plain", body.getBytes(), Map.of());
    }
}
