package org.ketaminefaq.benchmarks;

import java.util.Arrays;

/**
 * Percentiles of a set of round-trip times, in milliseconds, by the nearest-rank method on all the samples (no
 * histogram buckets, no coordinated-omission correction: in a closed loop every message waits for the one before).
 */
record Latency(long count, double p50, double p95, double p99, double max, double mean) {

    static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** From round-trip times in nanoseconds; sorts the array. */
    static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        Arrays.sort(nanos);
        double sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return new Latency(nanos.length, ms(rank(nanos, 50)), ms(rank(nanos, 95)), ms(rank(nanos, 99)),
                ms(nanos[nanos.length - 1]), sum / nanos.length / 1e6);
    }

    private static long rank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
