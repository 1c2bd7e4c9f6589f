package com.grow.payments.infra.events;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how integration events are published (docs/events.md).
 *
 * @param topic             the one topic every event goes to
 * @param source            the CloudEvents {@code source} of every event
 * @param partitions        partitions of the topic when the service creates it
 * @param replicationFactor its replicas when the service creates it (3 in production)
 * @param ackTimeout        how long a batch waits for Kafka's acknowledgements before it is retried
 * @param cacheSize         aggregates whose published story is kept in memory between events
 */
@ConfigurationProperties("payments.events")
public record EventsProperties(
        @DefaultValue("grow.payments.v1") String topic,
        @DefaultValue("/grow-payments") URI source,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30s") Duration ackTimeout,
        @DefaultValue("10000") int cacheSize) {
}
