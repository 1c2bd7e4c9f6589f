package com.grow.payments.query.payment;

import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Builds payment_view from the payment events. Each row remembers the last sequence folded into
 * it, so an event delivered twice (after a crash, or a replay racing live traffic) is applied once.
 * <p>
 * The events of one processor batch are folded in memory and written when the batch commits: the
 * rows the batch cannot fold without are read in one query, and each changed row is written once
 * (ADR 0011). A batch that fails is rolled back whole and handled again.
 */
@Component
@ProcessingGroup(PaymentHistoryProjection.NAME)
public class PaymentHistoryProjection {

    public static final String NAME = "payment-history";

    private static final String BATCH = PaymentHistoryProjection.class.getName() + ".batch";
    private static final long UNKNOWN = -1;

    private final PaymentViewRepository views;

    public PaymentHistoryProjection(PaymentViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(PaymentCheckedOut event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().checkedOut(PaymentView.checkedOut(event), sequence, at);
    }

    @EventHandler
    void on(PaymentEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().apply(event.orderId().value(), sequence, at, view -> view.apply(event));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }

    /** This unit of work's batch, created (and its orders' rows read) on the first event; without one, each event is its own. */
    private PaymentViewBatch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PaymentViewBatch(views, true);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(BATCH, key -> {
            PaymentViewBatch batch = new PaymentViewBatch(views, false);
            batch.open(firstSequences(unitOfWork));
            unitOfWork.onPrepareCommit(uow -> batch.write());
            unitOfWork.afterCommit(uow -> batch.committed());
            return batch;
        });
    }

    /**
     * The orders whose events the unit of work holds, each with the lowest sequence among them
     * ({@link #UNKNOWN} for an event without one: that order's row is read).
     */
    private static Map<String, Long> firstSequences(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(unitOfWork.getMessage());
        Map<String, Long> first = new LinkedHashMap<>();
        for (Message<?> message : messages) {
            if (PaymentEvent.class.isAssignableFrom(message.getPayloadType())
                    && message.getPayload() instanceof PaymentEvent event) {
                long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : UNKNOWN;
                first.merge(event.orderId().value(), sequence, Math::min);
            }
        }
        return first;
    }
}
