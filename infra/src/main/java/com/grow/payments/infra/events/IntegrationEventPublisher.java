package com.grow.payments.infra.events;

import com.grow.payments.infra.support.AggregateFoldCache;
import com.grow.payments.shared.integration.Narrative;
import com.grow.payments.shared.integration.PaymentsV1;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The outbox relay: the event store is the outbox, and this tracking processor reads committed
 * domain events, tells the ones the published language knows (see {@code PaymentsV1}) and sends
 * them to Kafka. Its token advances only in the transaction that commits after Kafka acknowledged
 * every send of the batch; if any send fails, the batch rolls back and the processor retries it
 * from the same token. So nothing is lost, a failure repeats events with their ids, and events of
 * one aggregate keep their order. It is never replayed (ADR 0008).
 */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
@DisallowReplay
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private static final String PENDING_SENDS = IntegrationEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventWriter writer;
    private final AggregateFoldCache<Narrative<?>> narratives;
    private final EventsProperties properties;
    private final MeterRegistry registry;
    private final Timer publishLag;
    private final Clock clock;

    IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, CloudEventWriter writer,
                              AggregateFoldCache<Narrative<?>> narratives,
                              EventsProperties properties, MeterRegistry registry, Clock clock) {
        this.kafka = kafka;
        this.writer = writer;
        this.narratives = narratives;
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
        this.publishLag = Timer.builder("integration_publish_lag")
                .description("From a domain event's commit to Kafka's acknowledgement of its integration event")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    @EventHandler
    public void on(Object payload, DomainEventMessage<?> event) {
        Narrative<?> before = narratives.before(event);
        Optional<PaymentsV1.Data> told = before.tell(payload, event.getTimestamp());
        told.ifPresent(data -> send(event, data));
        narratives.after(event, before);
    }

    private void send(DomainEventMessage<?> event, PaymentsV1.Data data) {
        byte[] value = writer.write(event.getIdentifier(), event.getTimestamp(), event.getSequenceNumber(), data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topic(), data.subject(), value);
        record.headers().add(new RecordHeader("content-type", CloudEventWriter.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<SendResult<String, byte[]>> sent = kafka.send(record);
        sent.thenRun(() -> {
            publishLag.record(Duration.between(event.getTimestamp(), clock.instant()));
            published(data.type()).increment();
        });
        pendingSends().add(sent);
    }

    /** The sends of this batch, awaited once before its token is stored. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
        try {
            for (CompletableFuture<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IntegrationEventsUnavailable("Kafka did not acknowledge " + sends.size()
                    + " integration events; the batch is retried from its last token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationEventsUnavailable("interrupted while waiting for Kafka", e);
        }
    }

    private Counter published(String type) {
        return Counter.builder("integration_events_published")
                .description("Integration events Kafka acknowledged, by type (re-publishes included)")
                .tag("type", type)
                .register(registry);
    }

    /** Kafka did not take a batch: it is retried from its token, nothing is skipped. */
    static final class IntegrationEventsUnavailable extends RuntimeException {
        IntegrationEventsUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
