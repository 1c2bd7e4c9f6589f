package com.grow.payments.infra.audit;

import com.grow.payments.sagas.gateway.PaymentGateway;
import java.util.concurrent.CompletableFuture;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's wiring into Axon (ADR 0009): request metadata on every command, copied onto
 * the events it causes; the hash chain on every aggregate event; the cause carried across the
 * sagas' asynchronous calls to Toss.
 */
@Configuration(proxyBeanMethods = false)
public class AuditTrailConfiguration {

    /**
     * Axon's own provider ({@code correlationId}, {@code traceId}). Axon Spring Boot defines it only
     * when no provider bean exists, so declaring ours below would otherwise drop it.
     */
    @Bean
    public CorrelationDataProvider auditMessageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Events (and the commands handlers send) copy who and which request caused them from their cause. */
    @Bean
    public CorrelationDataProvider auditRequestMetaDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetaData.REQUEST_KEYS.toArray(String[]::new));
    }

    @Bean
    CommandMetaDataInterceptor commandMetaDataInterceptor(CommandBus commandBus) {
        CommandMetaDataInterceptor interceptor = new CommandMetaDataInterceptor();
        commandBus.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    /** {@code payments.audit.chain-key}: the service does not start without a usable one. */
    @Bean
    static ChainKey auditChainKey(@Value("${payments.audit.chain-key:}") String chainKey) {
        return ChainKey.parse(chainKey);
    }

    @Bean
    HashChainInterceptor hashChainInterceptor(ChainKey chainKey, EventStore eventStore,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              StoredEvents storedEvents,
                                              @Value("${payments.audit.remembered-links:10000}") int remembered) {
        HashChainInterceptor interceptor = new HashChainInterceptor(chainKey, eventSerializer, storedEvents,
                Math.max(remembered, 1));
        eventStore.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    /** The payment gateway, its calls carrying the cause of the saga step that made them ({@link Causation}). */
    @Bean
    static BeanPostProcessor causationCarryingPaymentGateway() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof PaymentGateway)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setInterfaces(PaymentGateway.class);
                proxy.addAdvice((MethodInterceptor) invocation ->
                        CompletableFuture.class.equals(invocation.getMethod().getReturnType())
                                ? Causation.carry(() -> proceed(invocation))
                                : invocation.proceed());
                return proxy.getProxy();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Object> proceed(MethodInvocation invocation) {
        try {
            return (CompletableFuture<Object>) invocation.proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            return CompletableFuture.failedFuture(checked);
        }
    }
}
