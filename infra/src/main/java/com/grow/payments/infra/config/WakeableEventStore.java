package com.grow.payments.infra.config;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, with streams that can be told to stop waiting.
 *
 * <p>A tracking processor's worker with nothing to do waits for the next event for up to its
 * event-availability timeout (Axon's one second), and shutting the processor down waits for that
 * wait to end: on an idle service, an operator's replay stood still for most of a second before it
 * began. The streams opened here wait in slices of at most {@link #SLICE_MILLIS} ms, and a wait
 * that was under way when {@link #wakeWaitingStreams()} was called, or began within one slice
 * after it, ends at the end of its slice with no event: the worker of a processor being shut down
 * then sees the shutdown, the others extend their claim as after any wait and wait again.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    static final long SLICE_MILLIS = 100;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);

    private final WakeUps wakeUps = new WakeUps();

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new WakeableStream(super.openStream(trackingToken), wakeUps);
    }

    /** Ends the waits of the streams opened here that wait now, or begin to within one slice. */
    public void wakeWaitingStreams() {
        wakeUps.wake();
    }

    /** When the streams were last woken. */
    static final class WakeUps {

        private volatile long wokenAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

        void wake() {
            wokenAt = System.nanoTime();
        }

        /** Whether a wait that began at {@code began} (nano time) is to end: woken after it began, or one slice before. */
        boolean endsWaitBegunAt(long began) {
            return wokenAt - began > -SLICE_NANOS;
        }
    }

    /** A stream of the embedded store that waits for events in slices, checking for a wake-up between them. */
    static final class WakeableStream implements TrackingEventStream {

        private final TrackingEventStream events;
        private final WakeUps wakeUps;

        WakeableStream(TrackingEventStream events, WakeUps wakeUps) {
            this.events = events;
            this.wakeUps = wakeUps;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long began = System.nanoTime();
            long left = unit.toNanos(timeout);
            while (true) {
                if (events.hasNextAvailable((int) Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS)) {
                    return true;
                }
                left = unit.toNanos(timeout) - (System.nanoTime() - began);
                if (left <= 0 || wakeUps.endsWaitBegunAt(began)) {
                    return false;
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
