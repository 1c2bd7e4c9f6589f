package com.grow.payments.infra.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.grow.payments.command.billing.BillingKey;
import com.grow.payments.command.payment.Payment;
import com.grow.payments.command.subscription.Subscription;
import com.grow.payments.command.web.LastSequences;
import com.grow.payments.sagas.billing.BillingKeyDeletionSaga;
import com.grow.payments.sagas.billing.BillingKeyIssuanceSaga;
import com.grow.payments.sagas.billing.BillingKeySubscriptionsSaga;
import com.grow.payments.sagas.payment.PaymentCancellationSaga;
import com.grow.payments.sagas.payment.PaymentCompensationSaga;
import com.grow.payments.sagas.payment.PaymentConfirmationSaga;
import com.grow.payments.sagas.payment.VirtualAccountSaga;
import com.grow.payments.sagas.reconciliation.ReconciliationPolicy;
import com.grow.payments.sagas.reconciliation.ReconciliationSchedule;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL through JDBC, with snake_case tables created by Flyway (V1), Jackson for
 * events, messages and sagas, and the aggregates and sagas registered here so that the domain
 * modules need no Spring.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration builds it, reading {@code
     * payments.event-store.batch-size} events per query (Axon's default is 100): a processor
     * catching up or replaying makes a fifth of the round trips; it never asks for a snapshot (no
     * aggregate here is snapshotted) and parses each stored timestamp once (ADR 0011).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver exceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema schema,
                                                 @Value("${payments.event-store.batch-size:500}") int batchSize) {
        return PaymentsEventStorageEngine.build(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(batchSize), schema);
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, but keeping the last {@code
     * payments.event-store.cached-events} events in memory for the processors that follow the head
     * (Axon keeps 10,000). A processor here follows a few dozen events behind; one further behind
     * reads from the store, as it would anyway. Each kept event lives long enough to be copied into
     * the old generation and then dies there: 10,000 of them, with their deserialized payloads,
     * made every young collection slower and the old generation fill (ADR 0011). Its streams can be
     * woken (see {@link WakeableEventStore}), so that a replay does not wait on idle workers.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public WakeableEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                         @Value("${payments.event-store.cached-events:1000}") int cachedEvents) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents));
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Claims on processor segments name their owner. Axon's default owner is {@code pid@host}, which
     * two instances share when they run in one JVM or as pid 1 in look-alike containers: both would
     * then believe they hold every segment and handle every event twice (the saga would call Toss
     * twice). Each instance start gets its own node id instead.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(schema)
                .claimTimeout(claimTimeout)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * PostgreSQL's driver reports a unique violation as SQL state 23505, not as the JDBC
     * integrity-constraint exception Axon's default resolver looks for. Without this, two writers
     * racing on one aggregate would surface as a storage error instead of a retried conflict.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Axon's own mapper, apart from the web's: stored events must not follow presentation settings. */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper().findAndRegisterModules()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The serializer for everything Axon stores and sends: Jackson on {@link #defaultAxonObjectMapper},
     * as Axon's auto-configuration builds it for {@code axon.serializer.*: jackson}, but remembering
     * which class a stored type name stands for. One instance serves all three roles.
     */
    @Bean
    @Primary
    public Serializer serializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper,
                                 RevisionResolver revisionResolver) {
        return TypeCachingJacksonSerializer.create(objectMapper, revisionResolver, getClass().getClassLoader());
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /** Which aggregate a command is for, found from the command class's annotated member (looked up once per class). */
    private static final RememberingCommandTargetResolver COMMAND_TARGETS = new RememberingCommandTargetResolver();

    /** Aggregates of each kind kept in memory after a command (about a kilobyte each). */
    private static final int KEPT_AGGREGATES = 10_000;

    @Bean
    public ConfigurerModule paymentModel(ReconciliationSchedule schedule, LastSequences lastSequences,
                                         @Value("${payments.janitor.first-check-after:10s}") Duration firstCheck) {
        return configurer -> {
            // payments, subscriptions and billing keys share one id space in the event store: an
            // aggregate is rebuilt only from its own kind's events, so an id of another kind is "not found"
            configurer.configureAggregate(ownEventsOnly(Payment.class, lastSequences));
            configurer.configureAggregate(ownEventsOnly(BillingKey.class, lastSequences));
            configurer.configureAggregate(ownEventsOnly(Subscription.class, lastSequences));
            configurer.eventProcessing()
                    .registerSaga(PaymentConfirmationSaga.class)
                    .registerSaga(VirtualAccountSaga.class)
                    .registerSaga(BillingKeyIssuanceSaga.class)
                    .registerSaga(BillingKeyDeletionSaga.class)
                    .registerSaga(BillingKeySubscriptionsSaga.class)
                    .registerSaga(PaymentCancellationSaga.class)
                    .registerSaga(PaymentCompensationSaga.class)
                    .registerEventHandler(c -> new ReconciliationPolicy(schedule, firstCheck))
                    // a projection that cannot apply an event retries it instead of skipping it
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * An aggregate rebuilt from its own kind's events only; the ones this instance last wrote are
     * kept and used again while the store holds nothing newer for them ({@link SequenceCheckedAggregateCache}).
     */
    private static <A> AggregateConfigurer<A> ownEventsOnly(Class<A> type, LastSequences lastSequences) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> COMMAND_TARGETS)
                .configureFilterEventsByType(c -> true)
                .configureCache(c -> new SequenceCheckedAggregateCache(lastSequences, KEPT_AGGREGATES));
    }

    /** Optimistic conflicts between instances writing one aggregate are retried, not surfaced. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(Executors.newScheduledThreadPool(1, runnable -> {
                    Thread thread = new Thread(runnable, "command-conflict-retry");
                    thread.setDaemon(true);
                    return thread;
                }), 8, 20))
                .build();
    }
}
