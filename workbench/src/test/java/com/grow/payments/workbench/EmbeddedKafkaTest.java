package com.grow.payments.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RECORDS = 10;

    @BeforeAll
    static void quietKafka() {
        // No Spring here to apply application-standalone.yml, and Logback's bare default is DEBUG.
        for (String name : List.of("kafka", "org.apache.kafka", "org.apache.zookeeper", "state.change.logger")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    @Test
    void recordsProducedToANewTopicAreConsumedByAGroupInOrderWithTheirKeys() throws Exception {
        String bootstrapServers = EmbeddedServers.kafka(0);
        assertThat(bootstrapServers).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(EmbeddedServers.kafka(0)).as("one broker per JVM").isEqualTo(bootstrapServers);

        String topic = "embedded-kafka-test-" + UUID.randomUUID();
        // One partition: order is only promised within a partition.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(producerConfig)) {
            List<Future<RecordMetadata>> sent = IntStream.range(0, RECORDS)
                    .mapToObj(i -> producer.send(new ProducerRecord<>(topic, "key-" + i, "payment-" + i)))
                    .toList();
            for (Future<RecordMetadata> result : sent) {
                result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }

        String group = "embedded-kafka-test-" + UUID.randomUUID();
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            // The consumer may be used by one thread only: poll it on the test thread.
            await().atMost(TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return received.size() >= RECORDS;
                    });
            consumer.commitSync(TIMEOUT);

            TopicPartition partition = new TopicPartition(topic, 0);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(partition), TIMEOUT);
            assertThat(committed.get(partition).offset()).isEqualTo(RECORDS);
        }

        assertThat(received).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "key-" + i).toList());
        assertThat(received).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "payment-" + i).toList());
        assertThat(received).extracting(ConsumerRecord::offset)
                .containsExactlyElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> (long) i).toList());
    }
}
