package com.grow.payments.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class MessageMetersTest {

    record Handled(String id) {
    }

    record Other(String id) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
    private final MessageMeters meters =
            MessageMeters.forProcessor("eventProcessor", "payment-history", registry, Duration.ofSeconds(10), nanos::get);

    private static Message<?> event(Object payload, Instant at) {
        return new GenericEventMessage<>(new GenericEventMessage<>(payload, MetaData.emptyInstance()), () -> at);
    }

    @Test
    void an_ignored_event_only_counts_and_registers_nothing_per_payload_type() {
        meters.onMessageIngested(event(new Other("1"), Instant.now())).reportIgnored();
        meters.onMessageIngested(event(new Other("2"), Instant.now())).reportIgnored();

        assertThat(registry.get("eventProcessor.ignoredCounter").tag("processorName", "payment-history").counter()
                .count()).isEqualTo(2.0);
        assertThat(registry.find("eventProcessor.successCounter").counters()).isEmpty();
        assertThat(registry.find("eventProcessor.processingTime").timers()).isEmpty();
    }

    @Test
    void handled_events_are_timed_and_counted_per_payload_type_and_fill_the_capacity_window() {
        MonitorCallback first = meters.onMessageIngested(event(new Handled("1"), Instant.now().minusSeconds(3)));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        first.reportSuccess();
        MonitorCallback second = meters.onMessageIngested(event(new Handled("2"), Instant.now()));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_500));
        second.reportFailure(new IllegalStateException("boom"));

        var tagged = registry.get("eventProcessor.successCounter").tag("processorName", "payment-history")
                .tag("payloadType", "Handled");
        assertThat(tagged.counter().count()).isEqualTo(1.0);
        assertThat(registry.get("eventProcessor.failureCounter").tag("payloadType", "Handled").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("eventProcessor.processingTime").tag("payloadType", "Handled").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000.0);
        // two seconds busy in a ten-second window
        assertThat(registry.get("eventProcessor.capacity").gauge().value()).isEqualTo(0.2);
        assertThat(registry.get("eventProcessor.latency").gauge().value()).isBetween(0.0, 1_000.0);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(11));
        assertThat(registry.get("eventProcessor.capacity").gauge().value()).isZero();
    }

    @Test
    void the_latency_is_how_old_the_last_event_reached_was() {
        meters.onMessageIngested(event(new Handled("1"), Instant.now().minusSeconds(60))).reportSuccess();

        assertThat(registry.get("eventProcessor.latency").tag("processorName", "payment-history").gauge().value())
                .isBetween(60_000.0, 70_000.0);
    }
}
