package com.grow.payments.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dimensional message metrics, the same meters and tags as its auto-configuration, with
 * one change: the capacity gauges average over {@code payments.metrics.capacity-window} (30 s)
 * instead of Axon's ten minutes. Axon's capacity monitor keeps one entry per message handled
 * inside its window; over ten minutes, at a few hundred events a second and 14 processors, that
 * is millions of entries, and it filled a 512 MB heap (ADR 0011).
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessageMetrics {

    private static final String EVENT_PROCESSOR = "eventProcessor";

    @Bean
    public MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry,
                                                           @Value("${payments.metrics.capacity-window:30s}") Duration window) {
        return new MetricsConfigurerModule(registry, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitor(registry, window, componentType, componentName));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry global, Duration window,
                                                      Class<?> componentType, String componentName) {
        MeterRegistry registry = global.getRegistry();
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<Tag>> tags = message -> Tags.of(
                    TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                    TagsUtil.PROCESSOR_NAME_TAG, componentName);
            return all(
                    MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR, registry, tags),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR).meterRegistry(registry)
                            .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName)).build(),
                    capacity(EVENT_PROCESSOR, registry, window, tags),
                    MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, registry, tags));
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<Tag>> tags = TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION;
            return all(
                    MessageTimerMonitor.buildMonitor(componentName, registry, tags),
                    capacity(componentName, registry, window, tags),
                    MessageCountingMonitor.buildMonitor(componentName, registry, tags));
        }
        // event bus, query bus: Axon's own, which keep nothing per message
        return (MessageMonitor<Message<?>>) global.registerComponentWithDefaultTags(componentType, componentName);
    }

    /** One monitor for several; each is typed for the messages it watches, which are the component's. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> all(MessageMonitor... monitors) {
        return new MultiMessageMonitor(List.of(monitors));
    }

    private static CapacityMonitor capacity(String prefix, MeterRegistry registry, Duration window,
                                            Function<Message<?>, Iterable<Tag>> tags) {
        return CapacityMonitor.buildMonitor(prefix, registry, window.toMillis(), TimeUnit.MILLISECONDS, tags);
    }
}
