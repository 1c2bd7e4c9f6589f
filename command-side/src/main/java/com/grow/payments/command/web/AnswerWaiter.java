package com.grow.payments.command.web;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a request wait (for any aggregate's answer), without holding a thread, until its step is answered (a confirmation
 * approved, declined, expired or unknown; a cancel done, refused or unknown) or a bound passes. Outcomes recorded on this instance
 * wake the waiter as soon as they commit; an outcome recorded by another instance is found by a
 * slower poll of the event stream.
 */
@Component
public class AnswerWaiter implements DisposableBean {

    private final AggregateEvents loader;
    private final Duration pollInterval;
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    public AnswerWaiter(AggregateEvents loader, EventBus eventBus,
                           @Value("${payments.confirm.poll-interval:250ms}") Duration pollInterval,
                           @Value("${payments.confirm.waiter-threads:4}") int threads) {
        this.loader = loader;
        this.pollInterval = pollInterval;
        this.scheduler = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "payment-outcome-waiter");
            thread.setDaemon(true);
            return thread;
        });
        eventBus.subscribe(this::onPublished);
    }

    /** Completes with the payment once its confirmation is answered, or as it stands when the bound passes. */
    public CompletableFuture<PaymentView> awaitSettled(MemberId caller, OrderId orderId, Duration bound) {
        return awaitUntil(caller, orderId, bound, events -> PaymentView.fold(events).status().isSettled());
    }

    /** Completes with the payment once {@code answered} holds for its events, or when the bound passes. */
    public CompletableFuture<PaymentView> awaitUntil(MemberId caller, OrderId orderId, Duration bound,
                                                     Predicate<List<Object>> answered) {
        return awaitEvents(caller, orderId.value(), bound, answered).thenApply(PaymentView::fold);
    }

    /**
     * Completes with any aggregate's events once {@code answered} holds for them, or with the events
     * as they stand when the bound passes. The caller is answered with them: they are remembered as
     * such before the future completes (ADR 0012).
     */
    public CompletableFuture<List<Object>> awaitEvents(MemberId caller, String aggregateId, Duration bound,
                                                       Predicate<List<Object>> answered) {
        Waiter waiter = new Waiter(caller, aggregateId, System.nanoTime() + bound.toNanos(), answered);
        waiters.computeIfAbsent(aggregateId, key -> new CopyOnWriteArraySet<>()).add(waiter);
        waiter.poll = scheduler.scheduleWithFixedDelay(waiter::check, 0, pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        if (waiter.result.isDone()) {
            waiter.poll.cancel(false);
        }
        return waiter.result;
    }

    private void onPublished(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent
                    && waiters.containsKey(domainEvent.getAggregateIdentifier())) {
                String aggregateId = domainEvent.getAggregateIdentifier();
                // the waiter reads the stream, so wake it only once the event is committed
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(uow -> wake(aggregateId));
                } else {
                    wake(aggregateId);
                }
            }
        }
    }

    private void wake(String orderId) {
        Set<Waiter> forOrder = waiters.get(orderId);
        if (forOrder != null) {
            forOrder.forEach(waiter -> scheduler.execute(waiter::check));
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private final class Waiter {
        private final MemberId caller;
        private final String aggregateId;
        private final long deadline;
        private final Predicate<List<Object>> answered;
        private final CompletableFuture<List<Object>> result = new CompletableFuture<>();
        private volatile ScheduledFuture<?> poll;
        /** The last event sequence already looked at; -2 before the first look. */
        private volatile long seenSequence = -2;

        private Waiter(MemberId caller, String aggregateId, long deadline, Predicate<List<Object>> answered) {
            this.caller = caller;
            this.aggregateId = aggregateId;
            this.deadline = deadline;
            this.answered = answered;
        }

        private void check() {
            if (result.isDone()) {
                return;
            }
            try {
                // a poll that finds no new event decodes nothing
                long last = loader.lastSequence(aggregateId);
                boolean late = System.nanoTime() >= deadline;
                if (last == seenSequence && !late) {
                    return;
                }
                seenSequence = last;
                List<Object> events = loader.events(aggregateId);
                if (!events.isEmpty() && (answered.test(events) || System.nanoTime() >= deadline)) {
                    finish(events, null);
                } else if (System.nanoTime() >= deadline) {
                    finish(null, new IllegalStateException(aggregateId + " has no events"));
                }
            } catch (RuntimeException e) {
                finish(null, e);
            }
        }

        private void finish(List<Object> events, Throwable failure) {
            if (events != null && !result.isDone()) {
                loader.remember(caller, aggregateId, events);
            }
            if (failure == null ? result.complete(events) : result.completeExceptionally(failure)) {
                ScheduledFuture<?> scheduled = poll;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                waiters.computeIfPresent(aggregateId, (key, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }
}
