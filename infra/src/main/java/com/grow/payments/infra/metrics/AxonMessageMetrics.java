package com.grow.payments.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message metrics, with meters of our own for every component ({@link MessageMeters}): the
 * same {@code eventProcessor.*}, {@code commandBus.*} and {@code eventStore.*} names, looked
 * up once per payload type instead of once per message and monitor, and nothing per ignored event
 * but a counter. Capacity gauges average over {@code payments.metrics.capacity-window} (30 s),
 * kept as per-second sums, never as one entry per message (ADR 0011).
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessageMetrics {

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

    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry global, Duration window,
                                                      Class<?> componentType, String componentName) {
        MeterRegistry registry = global.getRegistry();
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return MessageMeters.forProcessor("eventProcessor", componentName, registry, window);
        }
        // the command bus, the event store, the query bus: named after the component, as Axon names them
        return MessageMeters.forHandler(componentName, registry, window);
    }
}
