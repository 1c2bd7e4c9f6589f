package com.grow.payments.infra.deadletter;

import com.grow.payments.sagas.billing.BillingKeyVault;
import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.subscription.SubscriptionCharges;
import java.time.Clock;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The processing groups whose failures are parked per sequence instead of halting the processor
 * (docs/adr/0013-dead-letters.md), each with its queue in {@code dead_letter_entry} and the
 * {@link SafeEnqueuePolicy}. Sagas cannot have one (Axon gives dead-letter queues to event handlers
 * only), which is why charging a subscription is an event handler.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** The groups with a dead-letter queue; each sequence is one aggregate (a subscription). */
    public static final List<String> GROUPS = List.of(SubscriptionCharges.PROCESSING_GROUP);

    @Bean
    public ConfigurerModule deadLetteredHandlers(ObjectProvider<PaymentGateway> gateway,
                                                 ObjectProvider<BillingKeyVault> vault,
                                                 ObjectProvider<DunningPolicy> dunning, ObjectProvider<Clock> clock,
                                                 ObjectProvider<ConnectionProvider> connections,
                                                 ObjectProvider<TransactionManager> transactions,
                                                 ObjectProvider<DeadLetterSchema> schema,
                                                 ObjectProvider<PlatformTransactionManager> springTransactions) {
        return configurer -> {
            configurer.eventProcessing().registerEventHandler(c -> new SubscriptionCharges(gateway.getObject(),
                    new SavepointVault(vault.getObject(), springTransactions.getObject()), c.commandGateway(),
                    dunning.getObject(), clock.getObject()));
            for (String group : GROUPS) {
                configurer.eventProcessing()
                        .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connections.getObject())
                                .transactionManager(transactions.getObject())
                                .schema(schema.getObject())
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())
                                .build())
                        .registerDeadLetterPolicy(group, c -> new SafeEnqueuePolicy(group));
            }
        };
    }
}
