package com.grow.payments.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the whole events topic from the beginning, as a consumer of the published language
 * would, and keeps every record it saw (duplicates included) for tests to look at.
 */
final class TopicTail implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as it arrived: its Kafka key, partition, content-type header and CloudEvent. */
    record Received(String key, int partition, long offset, String contentType, JsonNode event) {
        String id() {
            return event.path("id").asText();
        }

        String type() {
            return event.path("type").asText();
        }

        String subject() {
            return event.path("subject").asText();
        }

        long subjectSeq() {
            return event.path("subjectseq").asLong();
        }

        JsonNode data() {
            return event.path("data");
        }
    }

    private static TopicTail shared;

    /** One tail per JVM and topic, started on first use: it outlives test classes, as the broker does. */
    static synchronized TopicTail shared(String bootstrapServers, String topic) {
        if (shared == null) {
            shared = new TopicTail(bootstrapServers, topic);
        }
        return shared;
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicTail(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "topic-tail-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header contentType = record.headers().lastHeader("content-type");
                    received.add(new Received(record.key(), record.partition(), record.offset(),
                            contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                            parse(record.value())));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    /** Every record seen so far, in the order they arrived. */
    List<Received> all() {
        return List.copyOf(received);
    }

    /** The records about one order, subscription or billing key, in the order they arrived. */
    List<Received> about(String subject) {
        return select(r -> subject.equals(r.subject()));
    }

    List<Received> select(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5_000);
    }
}
