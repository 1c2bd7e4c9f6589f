package com.grow.payments.infra.cashreceipt;

import com.grow.payments.sagas.cashreceipt.CashReceiptLookups;
import com.grow.payments.sagas.cashreceipt.CashReceiptSaga;
import com.grow.payments.sagas.gateway.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cash receipts (현금영수증): the saga that issues, settles and cancels a payment's receipt, and the
 * look-ups that settle a lost answer ({@code payments.cash-receipts.lookup-delays}: the waits before
 * each look-up of the request day's receipts).
 */
@Configuration(proxyBeanMethods = false)
public class CashReceiptConfiguration {

    @Bean
    public ConfigurerModule cashReceiptSaga() {
        return configurer -> configurer.eventProcessing().registerSaga(CashReceiptSaga.class);
    }

    @Bean
    public CashReceiptLookups cashReceiptLookups(PaymentGateway gateway, CommandGateway commands, Clock clock,
                                                 @Value("${payments.cash-receipts.lookup-delays:0s,1s,2s,5s,10s,30s}")
                                                 List<Duration> delays) {
        return new CashReceiptLookups(gateway, commands, clock, delays);
    }
}
