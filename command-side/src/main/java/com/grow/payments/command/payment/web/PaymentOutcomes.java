package com.grow.payments.command.payment.web;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentView;
import org.springframework.beans.factory.DisposableBean;
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
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a request wait, without holding a thread, until its step is answered (a confirmation
 * approved, declined, expired or unknown; a cancel done, refused or unknown) or a bound passes. Outcomes recorded on this instance
 * wake the waiter as soon as they commit; an outcome recorded by another instance is found by a
 * slower poll of the event stream.
 */
@Component
public class PaymentOutcomes implements DisposableBean {

    private static final Set<Class<?>> ANSWERS = Set.of(
            PaymentApproved.class, PaymentDeclined.class, PaymentExpired.class, PaymentOutcomeUnknown.class,
            PaymentCancelled.class, PaymentCancelRefused.class, PaymentCancelOutcomeUnknown.class,
            PaymentCompensationStarted.class, PaymentCompensated.class);

    private final PaymentViewLoader loader;
    private final Duration pollInterval;
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    public PaymentOutcomes(PaymentViewLoader loader, EventBus eventBus,
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
    public CompletableFuture<PaymentView> awaitSettled(OrderId orderId, Duration bound) {
        return awaitUntil(orderId, bound, events -> PaymentView.fold(events).status().isSettled());
    }

    /** Completes with the payment once {@code answered} holds for its events, or when the bound passes. */
    public CompletableFuture<PaymentView> awaitUntil(OrderId orderId, Duration bound, Predicate<List<Object>> answered) {
        Waiter waiter = new Waiter(orderId, System.nanoTime() + bound.toNanos(), answered);
        waiters.computeIfAbsent(orderId.value(), key -> new CopyOnWriteArraySet<>()).add(waiter);
        waiter.poll = scheduler.scheduleWithFixedDelay(waiter::check, 0, pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        if (waiter.result.isDone()) {
            waiter.poll.cancel(false);
        }
        return waiter.result;
    }

    private void onPublished(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (ANSWERS.contains(event.getPayloadType())) {
                String orderId = ((PaymentEvent) event.getPayload()).orderId().value();
                // the waiter reads the stream, so wake it only once the event is committed
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(uow -> wake(orderId));
                } else {
                    wake(orderId);
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
        private final OrderId orderId;
        private final long deadline;
        private final Predicate<List<Object>> answered;
        private final CompletableFuture<PaymentView> result = new CompletableFuture<>();
        private volatile ScheduledFuture<?> poll;

        private Waiter(OrderId orderId, long deadline, Predicate<List<Object>> answered) {
            this.orderId = orderId;
            this.deadline = deadline;
            this.answered = answered;
        }

        private void check() {
            if (result.isDone()) {
                return;
            }
            try {
                List<Object> events = loader.events(orderId);
                if (!events.isEmpty() && (answered.test(events) || System.nanoTime() >= deadline)) {
                    finish(PaymentView.fold(events), null);
                } else if (System.nanoTime() >= deadline) {
                    finish(null, new IllegalStateException("payment " + orderId + " vanished"));
                }
            } catch (RuntimeException e) {
                finish(null, e);
            }
        }

        private void finish(PaymentView view, Throwable failure) {
            if (failure == null ? result.complete(view) : result.completeExceptionally(failure)) {
                ScheduledFuture<?> scheduled = poll;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                waiters.computeIfPresent(orderId.value(), (key, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }
}
