package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(123_456_789L);

    @Test
    void allowsTheBurstAtOnceThenRefuses() {
        RateLimiter limiter = new RateLimiter(5, 10, now::get);
        assertEquals(10, acquired(limiter, 50));
    }

    @Test
    void givesATokenBackEveryFifthOfASecondAtFivePerSecond() {
        RateLimiter limiter = new RateLimiter(5, 10, now::get);
        acquired(limiter, 10);

        now.addAndGet(199 * MS);
        assertFalse(limiter.tryAcquire());
        now.addAndGet(1 * MS);
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void neverSavesMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(5, 10, now::get);
        now.addAndGet(3_600_000 * MS);
        assertEquals(10, acquired(limiter, 50));
    }

    @Test
    void keepsTheSteadyRateOverTime() {
        RateLimiter limiter = new RateLimiter(5, 10, now::get);
        acquired(limiter, 10);
        int allowed = 0;
        for (int i = 0; i < 100; i++) { // 10 seconds of a client trying every 100 ms
            now.addAndGet(100 * MS);
            allowed += acquired(limiter, 1);
        }
        assertEquals(50, allowed);
    }

    @Test
    void countsFromTheClockNotFromZero() {
        now.set(Long.MAX_VALUE - 50 * MS); // nanoTime may be anywhere, even about to overflow
        RateLimiter limiter = new RateLimiter(5, 1, now::get);
        assertTrue(limiter.tryAcquire());
        now.addAndGet(200 * MS);
        assertTrue(limiter.tryAcquire());
    }

    @Test
    void rejectsSettingsThatCouldNeverAllowAFrame() {
        assertEquals("perSecond must be a positive number, but was 0.0",
                assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 10, now::get)).getMessage());
        assertEquals("burst must be at least 1, but was 0",
                assertThrows(IllegalArgumentException.class, () -> new RateLimiter(5, 0, now::get)).getMessage());
    }

    private static int acquired(RateLimiter limiter, int attempts) {
        int n = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire()) {
                n++;
            }
        }
        return n;
    }
}
