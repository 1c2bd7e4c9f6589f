package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

/** The streams of {@link WakeableEventStore}: they wait as long as asked, unless woken. */
class WakeableEventStoreTest {

    /** A stream whose only event arrives when the test says so; it waits as the embedded store's streams do. */
    private static final class OneEventStream implements TrackingEventStream {

        static final TrackedEventMessage<?> EVENT = new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(1), GenericEventMessage.asEventMessage("paid"));

        final CountDownLatch arrived = new CountDownLatch(1);
        final AtomicInteger waits = new AtomicInteger();
        final AtomicLong longestWaitNanos = new AtomicLong();

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            waits.incrementAndGet();
            longestWaitNanos.accumulateAndGet(unit.toNanos(timeout), Math::max);
            return arrived.await(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return arrived.getCount() == 0 ? Optional.of(EVENT) : Optional.empty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            arrived.await();
            return EVENT;
        }

        @Override
        public void close() {
        }
    }

    private final WakeableEventStore.WakeUps wakeUps = new WakeableEventStore.WakeUps();
    private final OneEventStream events = new OneEventStream();
    private final WakeableEventStore.WakeableStream stream = new WakeableEventStore.WakeableStream(events, wakeUps);

    @Test
    void withoutAWakeUpItWaitsTheWholeTimeoutInSlices() throws InterruptedException {
        long began = System.nanoTime();

        assertThat(stream.hasNextAvailable(450, TimeUnit.MILLISECONDS)).isFalse();

        assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(450));
        assertThat(events.longestWaitNanos.get()).as("slices of at most %d ms", WakeableEventStore.SLICE_MILLIS)
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(WakeableEventStore.SLICE_MILLIS));
        assertThat(events.waits.get()).isGreaterThan(1);
    }

    @Test
    void anEventArrivingDuringTheWaitIsAnswered() {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> waitFor(Duration.ofMinutes(1)));
        await().until(() -> events.waits.get() > 0);

        events.arrived.countDown();

        assertThat(waiting.orTimeout(30, TimeUnit.SECONDS).join()).isTrue();
        assertThat(stream.peek()).contains(OneEventStream.EVENT);
    }

    @Test
    void aWakeUpEndsAWaitUnderWayWithNoEvent() {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> waitFor(Duration.ofMinutes(1)));
        await().until(() -> events.waits.get() > 0);

        wakeUps.wake();

        // a minute's wait, over within the test's patience: the wake-up ended it
        assertThat(waiting.orTimeout(30, TimeUnit.SECONDS).join()).isFalse();
    }

    @Test
    void aZeroTimeoutAsksOnceAndDoesNotWait() {
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(events.waits.get()).isEqualTo(1);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return stream.hasNextAvailable((int) timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
