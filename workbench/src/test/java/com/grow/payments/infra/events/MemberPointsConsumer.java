package com.grow.payments.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference consumer (docs/events.md): how the member service should earn points from
 * {@code grow.payments.v1}. It keeps each member's net spend — approvals and deposits in,
 * cancels and reversals out — and dedupes by the CloudEvent {@code id} in the same database
 * transaction as the effect, so a re-published event is recognised and changes nothing. Offsets
 * are committed after the transaction: a crash in between only brings duplicates, which the
 * inbox table absorbs.
 */
final class MemberPointsConsumer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Thread poller;
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean running = true;

    MemberPointsConsumer(String bootstrapServers, String topic, String groupId, JdbcTemplate jdbc,
                         TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS member_points");
        jdbc.execute("CREATE TABLE IF NOT EXISTS member_points.inbox (consumer varchar(64), event_id varchar(64), "
                + "PRIMARY KEY (consumer, event_id))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS member_points.spend (consumer varchar(64), member_id varchar(64), "
                + "won bigint NOT NULL, PRIMARY KEY (consumer, member_id))");
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        poller = new Thread(() -> poll(groupId), "member-points-" + groupId);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(String groupId) {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    JsonNode event = parse(record.value());
                    transactions.executeWithoutResult(tx -> handle(groupId, event));
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** One event, at most once in effect: the inbox row and the spend change commit together. */
    private void handle(String groupId, JsonNode event) {
        long delta = spendDelta(event);
        if (delta == 0) {
            return;
        }
        int fresh = jdbc.update("INSERT INTO member_points.inbox (consumer, event_id) VALUES (?, ?) "
                + "ON CONFLICT (consumer, event_id) DO NOTHING", groupId, event.path("id").asText());
        if (fresh == 0) {
            duplicates.incrementAndGet();
            return;
        }
        jdbc.update("INSERT INTO member_points.spend (consumer, member_id, won) VALUES (?, ?, ?) "
                        + "ON CONFLICT (consumer, member_id) DO UPDATE SET won = member_points.spend.won + EXCLUDED.won",
                groupId, event.path("data").path("memberId").asText(), delta);
    }

    /** What the event does to the member's spend, in won (points are 1 per 100 won of it). */
    static long spendDelta(JsonNode event) {
        JsonNode data = event.path("data");
        return switch (event.path("type").asText()) {
            case "grow.payments.PaymentApproved", "grow.payments.VirtualAccountDeposited",
                 "grow.payments.SubscriptionCharged" -> data.path("amount").asLong();
            case "grow.payments.PaymentCanceled" -> -data.path("cancelAmount").asLong();
            case "grow.payments.VirtualAccountDepositReversed" -> -data.path("amount").asLong();
            default -> 0;
        };
    }

    /** The member's net spend as this consumer applied it. */
    long spend(String groupId, String memberId) {
        List<Long> won = jdbc.queryForList("SELECT won FROM member_points.spend WHERE consumer = ? AND member_id = ?",
                Long.class, groupId, memberId);
        return won.isEmpty() ? 0 : won.get(0);
    }

    /** Re-published events recognised by their id and not applied again. */
    long duplicatesSkipped() {
        return duplicates.get();
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5_000);
    }
}
