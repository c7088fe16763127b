package org.ketaminefaq.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The CPU time all processes of this machine have used, from Linux's {@code /proc/stat}, so that a round can tell
 * how much of the machine something else took while it ran (another build, a browser test): on two cores that
 * changes every figure. Empty where {@code /proc/stat} is not readable.
 */
final class MachineLoad {

    private static final Path STAT = Path.of("/proc/stat");
    /** Linux reports {@code /proc/stat} in clock ticks of 1/100 s on every common architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private MachineLoad() {
    }

    /** CPU time used by all processes so far (all cores, user and system, not idle or waiting), in nanoseconds. */
    static OptionalLong busyNanos() {
        try {
            for (String line : Files.readAllLines(STAT)) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i < f.length && i <= 8; i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    return OptionalLong.of((total - idle) * NANOS_PER_TICK);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the caller reports no figure
        }
        return OptionalLong.empty();
    }

    /**
     * The share of the machine (0 to 1) that processes other than {@code ours} used over the next {@code millis}
     * milliseconds; NaN where unknown.
     */
    static double othersShare(java.util.List<ProcessHandle> ours, long millis) throws InterruptedException {
        long oursStart = cpuNanos(ours);
        Window window = window();
        Thread.sleep(millis);
        return window.othersShare(cpuNanos(ours) - oursStart);
    }

    /** Opens a window over which to tell how much of the machine other processes used. */
    static Window window() {
        return new Window(busyNanos(), System.nanoTime());
    }

    /** The machine's CPU time used and the clock when a window opened. */
    record Window(OptionalLong machineStart, long start) {

        /**
         * The share of the machine (0 to 1) that other processes used since the window opened, given the CPU time
         * ours used meanwhile; NaN where {@code /proc/stat} is not readable.
         */
        double othersShare(long oursUsedNanos) {
            OptionalLong machineEnd = busyNanos();
            long wall = System.nanoTime() - start;
            if (machineStart.isEmpty() || machineEnd.isEmpty()) {
                return Double.NaN;
            }
            return Math.max(0, (machineEnd.getAsLong() - machineStart.getAsLong() - oursUsedNanos) / (double) wall
                    / Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Waits, up to {@code maxSeconds}, until other processes use less than {@code share} of the machine; returns
     * the share they used in the last second looked at.
     */
    static double awaitQuiet(java.util.List<ProcessHandle> ours, double share, int maxSeconds)
            throws InterruptedException {
        double others = othersShare(ours, 1000);
        for (int i = 1; i < maxSeconds && others > share; i++) {
            others = othersShare(ours, 1000);
        }
        return others;
    }

    private static long cpuNanos(java.util.List<ProcessHandle> processes) {
        long total = 0;
        for (ProcessHandle p : processes) {
            total += p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return total;
    }
}
