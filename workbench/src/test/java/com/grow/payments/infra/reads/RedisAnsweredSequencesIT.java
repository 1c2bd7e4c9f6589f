package com.grow.payments.infra.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.reads.AnsweredSequences;
import com.grow.payments.workbench.EmbeddedServers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** What a command answered is remembered in Redis: shared by instances, bounded in time and number. */
class RedisAnsweredSequencesIT extends IntegrationTest {

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private DataSource dataSource;

    private final MemberId member = new MemberId("member-answered-" + UUID.randomUUID());

    @Test
    void a_floor_remembered_on_one_instance_is_read_on_another_and_never_lowered() {
        AnsweredSequences here = new RedisAnsweredSequences(redis, Duration.ofMinutes(10), 100);
        AnsweredSequences there = new RedisAnsweredSequences(redis, Duration.ofMinutes(10), 100);

        here.remember(member, "ord_answered_1", 3);
        here.remember(member, "ord_answered_1", 1);

        assertThat(there.floor(member, "ord_answered_1")).isEqualTo(OptionalLong.of(3));
        assertThat(there.floor(member, "ord_never_answered")).isEmpty();
        assertThat(there.floor(new MemberId("someone-else-" + UUID.randomUUID()), "ord_answered_1")).isEmpty();
        assertThat(there.floors(member)).containsEntry("ord_answered_1", 3L).hasSize(1);
        assertThat(redis.keys("grow-payments:answered:*")).noneMatch(key -> key.contains(member.value()));
    }

    @Test
    void a_floor_is_forgotten_after_the_retention_and_its_keys_expire() {
        AnsweredSequences shortLived = new RedisAnsweredSequences(redis, Duration.ofMillis(300), 100);
        shortLived.remember(member, "ord_answered_2", 5);
        assertThat(shortLived.floor(member, "ord_answered_2")).isEqualTo(OptionalLong.of(5));

        await().atMost(Duration.ofSeconds(5)).until(() -> shortLived.floor(member, "ord_answered_2").isEmpty());
        assertThat(shortLived.floors(member)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.keys("grow-payments:answered:*").stream()
                .noneMatch(key -> redis.getExpire(key) == -1));
    }

    @Test
    void beyond_the_cap_the_oldest_answers_are_forgotten_first() {
        AnsweredSequences capped = new RedisAnsweredSequences(redis, Duration.ofMinutes(10), 3);
        for (int i = 1; i <= 5; i++) {
            capped.remember(member, "ord_capped_" + i, i);
            // each answer a millisecond apart, so their order is certain
            long answeredAt = System.currentTimeMillis();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> System.currentTimeMillis() > answeredAt);
        }
        assertThat(capped.floors(member)).containsOnlyKeys("ord_capped_3", "ord_capped_4", "ord_capped_5");
        assertThat(capped.floor(member, "ord_capped_1")).isEmpty();
    }

    @Test
    void while_redis_is_away_answers_go_out_and_reads_check_the_event_stream() throws Exception {
        String token = token(member.value());
        String[] payment = checkoutAndAuthorize(token, 7000, "REJECT_CARD_PAYMENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/payments/" + payment[0], token).status() == 200);
        EmbeddedServers.stopRedis();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE payment_view IN EXCLUSIVE MODE");
                Reply declined = confirm(token, payment[0], payment[1], 7000);
                assertThat(declined.status()).as(declined.body()).isEqualTo(402);
                assertThat(new RedisAnsweredSequences(redis, Duration.ofMinutes(10), 100).floor(member, payment[0]))
                        .isEqualTo(OptionalLong.of(AnsweredSequences.ANY_ANSWER));
                assertThat(status(payment[0], token)).isEqualTo("ABORTED");
            } finally {
                connection.rollback();
            }
        } finally {
            EmbeddedServers.restartRedis();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    redis.opsForValue().get("grow-payments:answered:reconnected") == null);
        }
    }
}
