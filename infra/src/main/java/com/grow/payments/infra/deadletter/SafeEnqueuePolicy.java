package com.grow.payments.infra.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure parks its event, first time and on every failed retry: nothing is ever skipped, and
 * an operator retries the sequence once its cause is gone.
 *
 * <p>What is kept of the failure is safe by construction: the exception's types, from the outermost
 * to the root, never its messages. A message can carry anything its thrower had at hand (a key id
 * with the crypto key's name, a SQL statement with its values, a body from Toss), and the dead-letter
 * table, its admin answer and the log are read by more people than the vault. The diagnostics count
 * the attempts.
 */
public final class SafeEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    /** The diagnostics entry counting how many times the letter failed. */
    public static final String ATTEMPTS = "attempts";

    private static final Logger log = LoggerFactory.getLogger(SafeEnqueuePolicy.class);
    private static final int MAX_CHAIN = 5;

    private final String processingGroup;

    public SafeEnqueuePolicy(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        ThrowableCause safe = safeCause(cause);
        long attempts = attempts(letter.diagnostics()) + 1;
        EventMessage<?> event = letter.message();
        log.warn("{} failed on event {} ({}) of {}, attempt {}: {}; its sequence is parked in the dead-letter queue",
                processingGroup, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateOf(event),
                attempts, safe.message());
        return Decisions.requeue(safe, dead -> dead.diagnostics().and(ATTEMPTS, attempts));
    }

    /** The exception's type, and as its message the chain of types down to the root cause. */
    static ThrowableCause safeCause(Throwable cause) {
        StringBuilder chain = new StringBuilder(cause.getClass().getName());
        Throwable next = cause.getCause();
        for (int depth = 0; next != null && next != cause && depth < MAX_CHAIN; depth++) {
            chain.append(" <- ").append(next.getClass().getName());
            next = next.getCause();
        }
        return new ThrowableCause(cause.getClass().getName(), chain.toString());
    }

    static long attempts(MetaData diagnostics) {
        Object attempts = diagnostics.get(ATTEMPTS);
        return attempts instanceof Number number ? number.longValue() : 0;
    }

    static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }
}
