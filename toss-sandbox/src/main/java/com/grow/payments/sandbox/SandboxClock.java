package com.grow.payments.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests (and the admin endpoint) can move forward, so the 10-minute confirm window
 * and the 15-day idempotency retention can be crossed without waiting.
 * <p>
 * It is a base clock plus an adjustable offset: {@link #system()} keeps ticking like the real
 * clock (useful for a standalone run), {@link #fixed(Instant)} only moves when told to.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    // Shared between zone views so that advancing one view advances them all.
    private final AtomicReference<Duration> offset;

    private SandboxClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** A ticking clock that starts at the real time. */
    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** A frozen clock that only moves through {@link #advance(Duration)} or {@link #set(Instant)}. */
    public static SandboxClock fixed(Instant start) {
        Objects.requireNonNull(start, "start");
        return new SandboxClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves the clock; a negative amount moves it back. Returns this clock for chaining. */
    public SandboxClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        offset.updateAndGet(current -> current.plus(amount));
        return this;
    }

    /** Jumps to the given instant (a ticking clock keeps ticking from there). */
    public SandboxClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
        return this;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SandboxClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public String toString() {
        return "SandboxClock[" + instant() + "]";
    }
}
