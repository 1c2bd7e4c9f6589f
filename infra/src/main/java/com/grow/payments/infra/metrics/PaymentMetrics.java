package com.grow.payments.infra.metrics;

import com.grow.payments.shared.payment.PaymentCompensated;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts payment facts as this instance records them (after commit, so a rolled-back attempt is
 * not counted, and replays of read models never count again). Label values are bounded codes,
 * never order or member ids.
 */
@Component
public class PaymentMetrics {

    private final MeterRegistry registry;

    public PaymentMetrics(MeterRegistry registry, EventBus eventBus) {
        this.registry = registry;
        eventBus.subscribe(this::onPublished);
    }

    private void onPublished(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof PaymentCompensated compensated) {
                Runnable count = () -> compensations(compensated.reason()).increment();
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(uow -> count.run());
                } else {
                    count.run();
                }
            }
        }
    }

    /** {@code compensation_total{reason}}: refunds of approvals that could not stand. */
    Counter compensations(String reason) {
        return Counter.builder("compensation").description("Approved payments refunded because they could not stand")
                .tag("reason", reason).register(registry);
    }
}
