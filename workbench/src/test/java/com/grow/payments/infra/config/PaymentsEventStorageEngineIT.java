package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.IntegrationTest;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.util.ReflectionTestUtils;

/** The service's engine reads the stored events exactly as Axon's own engine reads them: tokens, timestamps, payloads. */
class PaymentsEventStorageEngineIT extends IntegrationTest {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventSchema schema;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void readsTheStoreAsAxonsOwnEngineDoes() {
        String token = token("engine-reader");
        String[] payment = checkoutAndAuthorize(token, 15_000, null);
        assertThat(confirm(token, payment[0], payment[1], 15_000).status()).isEqualTo(200);
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .batchSize(500)
                .build();
        assertThat(engine).isInstanceOf(PaymentsEventStorageEngine.class);

        List<String> ours = transactions.fetchInTransaction(() -> engine.readEvents(null, false).limit(1_000)
                .map(PaymentsEventStorageEngineIT::describe).collect(Collectors.toList()));
        List<String> theirs = transactions.fetchInTransaction(() -> axons.readEvents(null, false).limit(1_000)
                .map(PaymentsEventStorageEngineIT::describe).collect(Collectors.toList()));
        assertThat(ours).isNotEmpty().isEqualTo(theirs);

        List<String> aggregate = engine.readEvents(payment[0]).asStream().map(PaymentsEventStorageEngineIT::describe).toList();
        assertThat(aggregate).hasSizeGreaterThanOrEqualTo(3)
                .isEqualTo(axons.readEvents(payment[0]).asStream().map(PaymentsEventStorageEngineIT::describe).toList());
    }

    @Test
    void theEventStoreKeepsAThousandEventsForTheProcessorsAtTheHead(@Autowired EmbeddedEventStore eventStore) {
        Object producer = ReflectionTestUtils.getField(eventStore, "producer");
        assertThat(ReflectionTestUtils.getField(producer, "cachedEvents")).isEqualTo(1_000);
    }

    private static String describe(TrackedEventMessage<?> event) {
        return event.trackingToken() + " " + event.getIdentifier() + " " + event.getTimestamp() + " "
                + event.getPayloadType().getSimpleName() + " " + event.getPayload();
    }

    private static String describe(DomainEventMessage<?> event) {
        return event.getAggregateIdentifier() + "#" + event.getSequenceNumber() + " " + event.getTimestamp() + " "
                + event.getPayload();
    }
}
