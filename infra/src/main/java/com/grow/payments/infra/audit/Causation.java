package com.grow.payments.infra.audit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Carries what caused a process step across its asynchronous hop. Axon hands the correlation data
 * of the event being handled to every command created in its unit of work, but a saga that calls
 * Toss sends its command later, from the thread that completes the call, where no unit of work
 * runs: the command would look as if nobody caused it. The caller's correlation data is captured
 * when the call starts and set around the call's completion, where {@link CommandMetaDataInterceptor}
 * reads it.
 */
final class Causation {

    private static final ThreadLocal<Map<String, ?>> CARRIED = new ThreadLocal<>();

    private Causation() {
    }

    /** The causation carried to this thread, empty when none is. */
    static Map<String, ?> carried() {
        Map<String, ?> carried = CARRIED.get();
        return carried == null ? Map.of() : carried;
    }

    /** Starts an asynchronous call; whoever continues from its completion sees the caller's causation. */
    static <T> CompletableFuture<T> carry(Supplier<CompletableFuture<T>> call) {
        MetaData cause = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.correlationData() : MetaData.emptyInstance();
        CompletableFuture<T> future = call.get();
        if (cause.isEmpty() || future == null) {
            return future;
        }
        CompletableFuture<T> carried = new CompletableFuture<>();
        future.whenComplete((value, failure) -> within(cause, () -> {
            if (failure != null) {
                carried.completeExceptionally(failure);
            } else {
                carried.complete(value);
            }
        }));
        return carried;
    }

    static void within(Map<String, ?> cause, Runnable continuation) {
        Map<String, ?> outer = CARRIED.get();
        CARRIED.set(cause);
        try {
            continuation.run();
        } finally {
            if (outer == null) {
                CARRIED.remove();
            } else {
                CARRIED.set(outer);
            }
        }
    }
}
