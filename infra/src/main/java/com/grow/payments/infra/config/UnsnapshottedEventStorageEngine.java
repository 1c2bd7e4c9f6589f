package com.grow.payments.infra.config;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine for aggregates that are never snapshotted. Axon reads the snapshot table before
 * the events on every load of an aggregate, whether a snapshotter exists or not: a query per
 * command that always finds nothing. A payment has a handful of events and no snapshotter (ADR
 * 0011), so the engine answers "no snapshot" without asking. Configuring a snapshotter means
 * removing this class.
 */
class UnsnapshottedEventStorageEngine extends JdbcEventStorageEngine {

    UnsnapshottedEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
