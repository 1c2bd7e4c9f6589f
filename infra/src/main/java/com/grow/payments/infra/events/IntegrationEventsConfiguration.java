package com.grow.payments.infra.events;

import com.grow.payments.infra.support.AggregateFoldCache;
import com.grow.payments.shared.integration.Narrative;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Integration events on Kafka (docs/events.md) through spring-kafka, from a tracking processor that
 * reads the event store (ADR 0008). The producer is idempotent and waits for every in-sync
 * replica, so an acknowledged event is durable and a retried send is not written twice by the
 * broker.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrationEventsConfiguration {

    @Bean
    public ProducerFactory<String, byte[]> integrationEventsProducerFactory(KafkaProperties kafka,
                                                                           EventsProperties events) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // what the outbox relay relies on, whatever spring.kafka.producer.* says
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // a broker that is away fails a batch within the ack timeout, so the processor retries it
        // on its own back-off instead of hanging in one attempt
        int ackTimeoutMs = (int) events.ackTimeout().toMillis();
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, ackTimeoutMs / 2));
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000, ackTimeoutMs / 2));
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ackTimeoutMs);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "grow-payments-events");
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    public KafkaTemplate<String, byte[]> integrationEventsTemplate(
            ProducerFactory<String, byte[]> integrationEventsProducerFactory) {
        return new KafkaTemplate<>(integrationEventsProducerFactory);
    }

    /** Created at start-up when missing; a platform that manages its topics creates it first. */
    @Bean
    public NewTopic integrationEventsTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic())
                .partitions(events.partitions())
                .replicas(events.replicationFactor())
                .build();
    }

    @Bean
    public IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, byte[]> integrationEventsTemplate,
                                                               EventStore eventStore, EventsProperties events,
                                                               MeterRegistry registry, Clock clock,
                                                               @Value("${payments.time-zone:Asia/Seoul}") ZoneId zone) {
        return new IntegrationEventPublisher(integrationEventsTemplate,
                new CloudEventWriter(events.source(), zone), new AggregateFoldCache<>(eventStore, events.cacheSize(),
                        Narrative::of, (narrative, payload) -> narrative.apply(payload)),
                events, registry, clock);
    }
}
