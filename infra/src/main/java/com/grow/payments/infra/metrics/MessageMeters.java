package com.grow.payments.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters of one Axon component (an event processor or the command bus), looked up once per
 * payload type rather than once per message.
 *
 * <p>Every event processor sees every event, and most events are of no interest to most of them:
 * an ignored event here costs one counter increment. Axon's own monitors built tags and found
 * meters four times per message and processor, and parsed each event's timestamp in every
 * processor, which made them a visible share of a payment's CPU (ADR 0011).
 *
 * <p>Meters, all tagged with the component ({@code processorName} for processors): {@code
 * <prefix>.successCounter}, {@code .failureCounter} and {@code .processingTime} per payload type,
 * {@code .ignoredCounter}, {@code .capacity} (the share of the last window the component spent
 * handling messages: 1.0 is one thread always busy) and, for processors, {@code .latency} (how old,
 * in milliseconds, the last event it reached was when it reached it).
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    /** How often an ignored event updates the latency gauge; a handled one always does. */
    private static final long IGNORED_LATENCY_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String prefix;
    private final MeterRegistry registry;
    private final Tags componentTags;
    private final ConcurrentMap<Class<?>, PayloadMeters> byPayload = new ConcurrentHashMap<>();
    private final Counter ignored;
    private final BusyTime busy;
    private final AtomicLong latencyMillis;
    private final LongSupplier nanoTime;
    private volatile long latencyUpdatedAt;

    private MessageMeters(String prefix, MeterRegistry registry, Tags componentTags, Duration window,
                          boolean latency, LongSupplier nanoTime) {
        this.prefix = prefix;
        this.registry = registry;
        this.componentTags = componentTags;
        this.nanoTime = nanoTime;
        this.ignored = Counter.builder(prefix + ".ignoredCounter").tags(componentTags).register(registry);
        this.busy = new BusyTime(window, nanoTime);
        Gauge.builder(prefix + ".capacity", busy, BusyTime::share).tags(componentTags).register(registry);
        if (latency) {
            this.latencyMillis = new AtomicLong();
            Gauge.builder(prefix + ".latency", latencyMillis, AtomicLong::get).tags(componentTags).register(registry);
        } else {
            this.latencyMillis = null;
        }
        this.latencyUpdatedAt = nanoTime.getAsLong() - IGNORED_LATENCY_EVERY_NANOS;
    }

    /** The meters of one event processor, tagged {@code processorName}. */
    static MessageMeters forProcessor(String prefix, String processorName, MeterRegistry registry, Duration window) {
        return new MessageMeters(prefix, registry, Tags.of("processorName", processorName), window, true,
                System::nanoTime);
    }

    /** The meters of a component that handles commands or queries: no latency, no component tag. */
    static MessageMeters forHandler(String prefix, MeterRegistry registry, Duration window) {
        return new MessageMeters(prefix, registry, Tags.empty(), window, false, System::nanoTime);
    }

    /** For tests: a clock of their own. */
    static MessageMeters forProcessor(String prefix, String processorName, MeterRegistry registry, Duration window,
                                      LongSupplier nanoTime) {
        return new MessageMeters(prefix, registry, Tags.of("processorName", processorName), window, true, nanoTime);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long started = nanoTime.getAsLong();
        Class<?> payloadType = message.getPayloadType();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long took = finish(message, started, true);
                PayloadMeters meters = meters(payloadType);
                meters.success.increment();
                meters.processingTime.record(took, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                long took = finish(message, started, true);
                PayloadMeters meters = meters(payloadType);
                meters.failure.increment();
                meters.processingTime.record(took, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
                finish(message, started, false);
            }
        };
    }

    private long finish(Message<?> message, long started, boolean handled) {
        long now = nanoTime.getAsLong();
        long took = now - started;
        if (handled) {
            busy.add(took);
        }
        if (latencyMillis != null && message instanceof EventMessage<?> event
                && (handled || now - latencyUpdatedAt >= IGNORED_LATENCY_EVERY_NANOS)) {
            latencyUpdatedAt = now;
            Instant at = event.getTimestamp();
            latencyMillis.set(Math.max(0, System.currentTimeMillis() - at.toEpochMilli()));
        }
        return took;
    }

    private PayloadMeters meters(Class<?> payloadType) {
        PayloadMeters meters = byPayload.get(payloadType);
        return meters != null ? meters : byPayload.computeIfAbsent(payloadType, this::register);
    }

    private PayloadMeters register(Class<?> payloadType) {
        Tags tags = componentTags.and("payloadType", payloadType.getSimpleName());
        return new PayloadMeters(
                Counter.builder(prefix + ".successCounter").tags(tags).register(registry),
                Counter.builder(prefix + ".failureCounter").tags(tags).register(registry),
                Timer.builder(prefix + ".processingTime").tags(tags).register(registry));
    }

    private record PayloadMeters(Counter success, Counter failure, Timer processingTime) {
    }

    /**
     * Time spent handling, summed per second over a sliding window of whole seconds: adding is one
     * atomic add, reading sums the window. No entry per message, whatever the rate.
     */
    static final class BusyTime {

        private final int seconds;
        private final long[] stamps;
        private final AtomicLong[] nanos;
        private final LongSupplier nanoTime;

        BusyTime(Duration window, LongSupplier nanoTime) {
            this.seconds = (int) Math.max(1, window.toSeconds());
            this.stamps = new long[seconds];
            this.nanos = new AtomicLong[seconds];
            for (int i = 0; i < seconds; i++) {
                nanos[i] = new AtomicLong();
                stamps[i] = Long.MIN_VALUE;
            }
            this.nanoTime = nanoTime;
        }

        void add(long busyNanos) {
            long second = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong());
            int slot = (int) Math.floorMod(second, (long) seconds);
            synchronized (nanos[slot]) {
                if (stamps[slot] != second) {
                    stamps[slot] = second;
                    nanos[slot].set(0);
                }
            }
            nanos[slot].addAndGet(busyNanos);
        }

        /** Busy time inside the window ÷ the window. */
        double share() {
            long second = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong());
            long total = 0;
            for (int i = 0; i < seconds; i++) {
                synchronized (nanos[i]) {
                    if (stamps[i] > second - seconds) {
                        total += nanos[i].get();
                    }
                }
            }
            return total / (double) TimeUnit.SECONDS.toNanos(seconds);
        }
    }
}
