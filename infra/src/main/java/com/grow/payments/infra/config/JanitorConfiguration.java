package com.grow.payments.infra.config;

import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.payment.CompensatingRefund;
import com.grow.payments.sagas.reconciliation.PaymentReconciler;
import com.grow.payments.sagas.reconciliation.ReconciliationSchedule;
import com.grow.payments.sagas.reconciliation.TossPaymentReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The janitor's settings: after the first look-up, wait 10 s, 1 min, 5 min, then hourly; 27
 * look-ups span about 24 h before an operator is asked to look.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class JanitorConfiguration {

    @Bean
    public PaymentReconciler paymentReconciler(PaymentGateway gateway, MerchantOf merchants, CommandGateway commands,
                                               ReconciliationSchedule schedule, Clock clock,
                                               @Value("${payments.janitor.backoff:10s,1m,5m,1h}") List<Duration> backoff,
                                               @Value("${payments.janitor.max-attempts:27}") int maxAttempts,
                                               DunningPolicy dunning, CompensatingRefund compensatingRefund) {
        return new TossPaymentReconciler(gateway, merchants, commands, schedule, clock, backoff, maxAttempts, dunning,
                compensatingRefund);
    }

    /** The compensating refund, shared by the compensation saga and the janitor's retry. */
    @Bean
    public CompensatingRefund compensatingRefund(PaymentGateway gateway, MerchantOf merchants, CommandGateway commands) {
        return new CompensatingRefund(gateway, merchants, commands);
    }

    /** Failed subscription charges are retried after 1, 3 and 7 days by default, then suspended. */
    @Bean
    public DunningPolicy dunningPolicy(@Value("${payments.billing.retry-delays:1d,3d,7d}") List<Duration> delays) {
        return new DunningPolicy(delays, DunningPolicy.DEFAULT_HARD_DECLINES);
    }
}
