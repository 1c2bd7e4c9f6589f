package com.grow.payments.infra.toss;

import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.merchant.MerchantBound;
import com.grow.payments.shared.merchant.Merchants;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * A record's merchant from its own events, never from a read model that may lag: a payment's is
 * in its checkout, a billing key's in its issue request, a subscription charge's in the request of
 * that charge (else the subscription's start). No merchant recorded: the default one.
 */
@Component
public class EventStoreMerchantOf implements MerchantOf {

    private final EventStore eventStore;

    public EventStoreMerchantOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public String order(OrderId orderId) {
        Optional<ChargeOrderIds.ChargedCycle> cycle = ChargeOrderIds.parse(orderId.value());
        if (cycle.isEmpty()) {
            return first(orderId.value());
        }
        List<Object> events = eventStore.readEvents(cycle.get().subscriptionId(), 0L).asStream()
                .map(Message::getPayload).map(Object.class::cast).toList();
        return events.stream().filter(SubscriptionChargeRequested.class::isInstance)
                .map(SubscriptionChargeRequested.class::cast)
                .filter(request -> request.orderId().equals(orderId.value()))
                .reduce((earlier, later) -> later)
                .map(request -> Merchants.orDefault(request.merchant()))
                .orElseGet(() -> Merchants.firstOf(events));
    }

    @Override
    public String billingKey(String billingKeyId) {
        return first(billingKeyId);
    }

    private String first(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0L).asStream()
                .map(Message::getPayload)
                .filter(MerchantBound.class::isInstance)
                .map(MerchantBound.class::cast)
                .findFirst()
                .map(bound -> Merchants.orDefault(bound.merchant()))
                .orElse(Merchants.DEFAULT);
    }
}
