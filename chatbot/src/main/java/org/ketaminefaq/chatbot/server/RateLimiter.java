package org.ketaminefaq.chatbot.server;

import java.util.function.LongSupplier;

/**
 * A token bucket: a chat may send {@code burst} frames at once, and then {@code perSecond} frames per second. Each
 * frame takes one token; tokens come back at the steady rate, up to {@code burst}. Thread-safe.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.create(5, 10);
 * if (!limiter.tryAcquire()) {
 *     // answer rate_limited and do not process the frame
 * }
 * }</pre>
 */
public final class RateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    /**
     * A limiter on an injectable clock, for tests.
     *
     * @param perSecond the steady rate, in frames per second
     * @param burst how many frames may come at once; the bucket starts full
     * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     * @throws IllegalArgumentException if {@code perSecond} is not positive or {@code burst} is less than 1
     */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be a positive number, but was " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, but was " + burst);
        }
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoClock = java.util.Objects.requireNonNull(nanoClock, "nanoClock");
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** A limiter on {@link System#nanoTime()}, which does not jump when the wall clock is set. */
    public static RateLimiter create(double perSecond, int burst) {
        return new RateLimiter(perSecond, burst, System::nanoTime);
    }

    /** Takes a token if one is left; {@code false} means the frame is over the limit. */
    public synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastRefill; // a difference, so that nanoTime's overflow does no harm
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            lastRefill = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
