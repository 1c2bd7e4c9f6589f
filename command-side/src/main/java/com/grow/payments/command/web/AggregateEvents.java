package com.grow.payments.command.web;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.reads.AnsweredSequences;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
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
    /** Where the command this thread is dispatching keeps the events it commits. */
    private final ThreadLocal<Map<String, List<DomainEventMessage<?>>>> capturing = new ThreadLocal<>();

    public AggregateEvents(EventStore eventStore, AnsweredSequences answered) {
        this.eventStore = eventStore;
        this.answered = answered;
        eventStore.subscribe(this::onPublished);
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
     * Dispatches a command that creates an aggregate, and answers the caller with the aggregate's
     * events. A command that created the aggregate on this thread committed its whole stream, from
     * sequence 0: those events are the answer, and the store is not read again. Otherwise (the
     * command was retried on another thread, or found the aggregate there) they are read.
     */
    public CompletableFuture<List<Object>> createAndAnswer(MemberId caller, String aggregateId,
                                                           Supplier<? extends CompletableFuture<?>> dispatch) {
        Map<String, List<DomainEventMessage<?>>> committed = new ConcurrentHashMap<>();
        CompletableFuture<?> sent;
        capturing.set(committed);
        try {
            sent = dispatch.get();
        } finally {
            capturing.remove();
        }
        return sent.thenApply(done -> {
            List<Object> events = wholeStream(committed.getOrDefault(aggregateId, List.of()))
                    .orElseGet(() -> events(aggregateId));
            remember(caller, aggregateId, events);
            return events;
        });
    }

    /** The committed events as the aggregate's stream, when they are all of it: sequences 0, 1, 2, … */
    private static Optional<List<Object>> wholeStream(List<DomainEventMessage<?>> committed) {
        List<DomainEventMessage<?>> ordered = committed.stream()
                .sorted(Comparator.comparingLong(DomainEventMessage::getSequenceNumber)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getSequenceNumber() != i) {
                return Optional.empty();
            }
        }
        return ordered.isEmpty() ? Optional.empty()
                : Optional.of(ordered.stream().map(Message::getPayload).map(Object.class::cast).toList());
    }

    /** Events published by a command this thread dispatches through {@link #createAndAnswer}, kept once committed. */
    private void onPublished(List<? extends EventMessage<?>> events) {
        Map<String, List<DomainEventMessage<?>>> target = capturing.get();
        if (target != null) {
            Committed.domainEvents(events, id -> true, committed -> committed.forEach((id, kept) -> target
                    .computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).addAll(kept)));
        }
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
