package com.grow.payments.command.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Published events, handed on once they are committed: after the unit of work that publishes
 * them commits (never if it rolls back), or at once when there is none (the store appended them
 * already). What the store returns from then on includes them, so they may stand for a read of it.
 */
final class Committed {

    private Committed() {
    }

    /** The domain events among {@code published} that {@code wanted} keeps, by aggregate in order, once committed. */
    static void domainEvents(List<? extends EventMessage<?>> published, Predicate<String> wanted,
                             Consumer<Map<String, List<DomainEventMessage<?>>>> then) {
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : published) {
            if (event instanceof DomainEventMessage<?> domainEvent && wanted.test(domainEvent.getAggregateIdentifier())) {
                byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                        .add(domainEvent);
            }
        }
        if (byAggregate.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> then.accept(byAggregate));
        } else {
            then.accept(byAggregate);
        }
    }
}
