package com.grow.payments.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.query.support.ReadModelJson;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail: a payment's own events straight from the event store, from sequence 0 (never a
 * snapshot), oldest first, with secrets masked.
 */
@RestController
public class PaymentEventsController {

    /** One event as the audit trail shows it. */
    public record AuditedEvent(long sequence, String eventId, String type, String revision, Instant occurredAt,
                               JsonNode payload, Map<String, Object> metadata) {
    }

    private final EventStore eventStore;
    private final ReadModelJson json;

    public PaymentEventsController(EventStore eventStore, ReadModelJson json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping("/api/v1/payments/{orderId}/events")
    public List<AuditedEvent> events(@PathVariable String orderId, Caller caller) {
        List<? extends DomainEventMessage<?>> events = OrderId.isValid(orderId)
                ? eventStore.readEvents(orderId, 0L).asStream().toList() : List.of();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof PaymentCheckedOut checkout)
                || !caller.mayAccess(checkout.memberId())) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
        return events.stream().map(this::audited).toList();
    }

    private AuditedEvent audited(DomainEventMessage<?> event) {
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return new AuditedEvent(event.getSequenceNumber(), event.getIdentifier(),
                event.getPayloadType().getSimpleName(), revision == null ? null : revision.value(),
                event.getTimestamp(), SecretMasking.mask(json.tree(event.getPayload())),
                SecretMasking.maskValues(event.getMetaData()));
    }
}
