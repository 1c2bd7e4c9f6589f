package com.grow.payments.command.web;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentView;
import java.time.Duration;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a request wait (for any aggregate's answer), without holding a thread, until its step is
 * answered (a confirmation approved, declined, expired or unknown; a cancel done, refused or
 * unknown) or a bound passes. Outcomes recorded on this instance wake their waiters as soon as they
 * commit, from the committed events themselves when they follow what the waiter has read. An
 * outcome recorded by another instance is found by one sweep every poll interval, for every
 * waiting request at once: a single read of the last sequence numbers of all the aggregates waited
 * on; a waiter reads and folds its events only when its aggregate has moved.
 */
@Component
public class AnswerWaiter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnswerWaiter.class);

    private final AggregateEvents loader;
    private final LastSequences lastSequences;
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    public AnswerWaiter(AggregateEvents loader, LastSequences lastSequences, EventBus eventBus,
                        @Value("${payments.confirm.poll-interval:250ms}") Duration pollInterval,
                        @Value("${payments.confirm.waiter-threads:4}") int threads) {
        this.loader = loader;
        this.lastSequences = lastSequences;
        this.scheduler = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "payment-outcome-waiter");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
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
        waiter.deadline = scheduler.schedule(waiter::read, bound.toNanos(), TimeUnit.NANOSECONDS);
        scheduler.execute(waiter::read);
        return waiter.result;
    }

    /** One read for every aggregate waited on; the waiters of those that moved read their events. */
    private void sweep() {
        if (waiters.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> last = lastSequences.of(List.copyOf(waiters.keySet()));
            last.forEach((aggregateId, sequence) -> waiters.getOrDefault(aggregateId, Set.of()).stream()
                    .filter(waiter -> waiter.seenSequence != sequence)
                    .forEach(waiter -> scheduler.execute(waiter::read)));
        } catch (RuntimeException e) {
            // the next sweep tries again; each waiter still ends at its bound
            log.warn("the sweep for answers recorded elsewhere failed: {}", e.toString());
        }
    }

    private void onPublished(List<? extends EventMessage<?>> events) {
        // the waiter answers from the stream, so it hears of the events only once they are committed
        Committed.domainEvents(events, waiters::containsKey, committed -> committed.forEach(this::wake));
    }

    private void wake(String aggregateId, List<DomainEventMessage<?>> committed) {
        Set<Waiter> forAggregate = waiters.get(aggregateId);
        if (forAggregate != null) {
            forAggregate.forEach(waiter -> scheduler.execute(() -> waiter.offer(committed)));
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private final class Waiter {
        private final MemberId caller;
        private final String aggregateId;
        private final long bound;
        private final Predicate<List<Object>> answered;
        private final CompletableFuture<List<Object>> result = new CompletableFuture<>();
        private volatile ScheduledFuture<?> deadline;
        /** The aggregate's events as last read, oldest first; null before the first read. */
        private List<Object> known;
        /** The sequence of the last event already read; -2 before the first read. */
        private volatile long seenSequence = -2;

        private Waiter(MemberId caller, String aggregateId, long bound, Predicate<List<Object>> answered) {
            this.caller = caller;
            this.aggregateId = aggregateId;
            this.bound = bound;
            this.answered = answered;
        }

        /** Reads the aggregate's events from the store and decides. */
        private synchronized void read() {
            if (result.isDone()) {
                return;
            }
            try {
                decide(loader.events(aggregateId));
            } catch (RuntimeException e) {
                finish(null, e);
            }
        }

        /**
         * Events this instance has just committed: when they follow the last event read, with no gap,
         * they are what the store would return after it, and nothing is read again.
         */
        private synchronized void offer(List<DomainEventMessage<?>> committed) {
            if (result.isDone()) {
                return;
            }
            if (known == null || !follows(committed)) {
                read();
                return;
            }
            List<Object> events = new ArrayList<>(known);
            committed.forEach(message -> events.add(message.getPayload()));
            decide(events);
        }

        private boolean follows(List<DomainEventMessage<?>> committed) {
            long expected = seenSequence + 1;
            for (DomainEventMessage<?> message : committed) {
                if (message.getSequenceNumber() != expected++) {
                    return false;
                }
            }
            return true;
        }

        private void decide(List<Object> events) {
            known = events;
            seenSequence = events.size() - 1L;
            boolean late = System.nanoTime() >= bound;
            if (!events.isEmpty() && (late || answered.test(events))) {
                finish(events, null);
            } else if (late) {
                finish(null, new IllegalStateException(aggregateId + " has no events"));
            }
        }

        private void finish(List<Object> events, Throwable failure) {
            if (events != null && !result.isDone()) {
                loader.remember(caller, aggregateId, events);
            }
            if (failure == null ? result.complete(events) : result.completeExceptionally(failure)) {
                ScheduledFuture<?> scheduled = deadline;
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
