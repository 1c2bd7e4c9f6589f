package com.grow.payments.infra.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code event_processor_lag_events{processor}}: how many events of the store each streaming
 * processor's slowest segment on this instance has yet to handle (the Kafka relay's lag is its
 * publishing backlog). Nothing is reported for a processor with no segment here.
 */
@Component
public class ProcessorLagMetrics {

    private static final long HEAD_MAX_AGE_NANOS = 1_000_000_000L;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;
    private boolean headRead;
    private long headReadAt;
    private long head;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("event_processor_lag_events", streaming, this::lag)
                        .description("Events in the store a processor has not handled yet (its slowest segment here)")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    /** The lag of the processor's slowest segment here, or NaN when it holds none. */
    public double lag(StreamingEventProcessor processor) {
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            slowest = Math.min(slowest, position.isPresent() ? position.getAsLong() : -1);
        }
        return slowest == Long.MAX_VALUE ? Double.NaN : Math.max(0, head() - slowest);
    }

    private synchronized long head() {
        long now = System.nanoTime();
        if (!headRead || now - headReadAt > HEAD_MAX_AGE_NANOS) {
            head = headOf(eventStore);
            headReadAt = now;
            headRead = true;
        }
        return head;
    }

    /** The global index of the newest event in the store; -1 when it is empty, where a processor that has handled nothing stands. */
    public static long headOf(EventStore eventStore) {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }
}
