package com.grow.payments.command.web;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.reads.AnsweredSequences;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The payment as its own events say right now. The command side answers from the event stream,
 * not the read model, so an answer never lags behind the write it reports.
 */
@Component
public class AggregateEvents {

    private final EventStore eventStore;
    private final AnsweredSequences answered;

    public AggregateEvents(EventStore eventStore, AnsweredSequences answered) {
        this.eventStore = eventStore;
        this.answered = answered;
    }

    /** The payment, if the id is a payment's: a subscription's or a billing key's id is no payment. */
    public Optional<PaymentView> load(OrderId orderId) {
        List<Object> events = events(orderId);
        return events.isEmpty() || !(events.get(0) instanceof PaymentCheckedOut) ? Optional.empty()
                : Optional.of(PaymentView.fold(events));
    }

    /** The payment's events, oldest first, from sequence 0. */
    public List<Object> events(OrderId orderId) {
        return events(orderId.value());
    }

    /** The sequence number of the aggregate's last event, or -1 when it has none: one indexed read, nothing decoded. */
    public long lastSequence(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
    }

    /** Any aggregate's events, oldest first, from sequence 0. */
    public List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0L).asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    /** The aggregate's events for an answer to the caller, remembered as answered (ADR 0012). */
    public List<Object> answer(MemberId caller, String aggregateId) {
        List<Object> events = events(aggregateId);
        remember(caller, aggregateId, events);
        return events;
    }

    /**
     * Remembers that the caller is being answered with these events (all of the aggregate's, from 0):
     * the caller's later reads show no earlier state, on any instance.
     */
    public void remember(MemberId caller, String aggregateId, List<Object> events) {
        if (!events.isEmpty()) {
            answered.remember(caller, aggregateId, events.size() - 1L);
        }
    }
}
