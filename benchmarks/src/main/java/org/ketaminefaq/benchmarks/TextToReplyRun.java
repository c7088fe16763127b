package org.ketaminefaq.benchmarks;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link TextToReplyBenchmark} through JMH's API with the GC profiler, in a forked JVM as JMH always does, and
 * keeps the figures BENCHMARKS.md reports.
 *
 * @param samples how many calls were timed
 * @param meanMicros the mean time per message
 * @param p50Micros the median
 * @param p90Micros the 90th percentile
 * @param p99Micros the 99th percentile
 * @param p999Micros the 99.9th percentile
 * @param maxMicros the slowest call (a garbage collection, as a rule)
 * @param allocatedBytesPerMessage heap allocated per message ({@code gc.alloc.rate.norm})
 * @param command the equivalent JMH command line
 */
record TextToReplyRun(long samples, double meanMicros, double p50Micros, double p90Micros, double p99Micros,
        double p999Micros, double maxMicros, double allocatedBytesPerMessage, String command) {

    /** With the benchmark's own warm-up and measurement (see its annotations), or shorter ones when given. */
    static TextToReplyRun run(Integer warmupIterations, Integer iterations) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(TextToReplyBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                // not this JVM's own options (a load generator's large heap): the benchmark appends -Xmx512m
                .jvmArgs("-Xms512m")
                .shouldFailOnError(true);
        String command = "java -jar benchmarks/target/ketamine-faq-benchmarks.jar TextToReplyBenchmark -prof gc";
        if (warmupIterations != null) {
            options.warmupIterations(warmupIterations).warmupTime(TimeValue.seconds(1));
            command += " -wi " + warmupIterations + " -w 1s";
        }
        if (iterations != null) {
            options.measurementIterations(iterations).measurementTime(TimeValue.seconds(1));
            command += " -i " + iterations + " -r 1s";
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        RunResult result = results.iterator().next();
        Result<?> primary = result.getPrimaryResult();
        Statistics s = primary.getStatistics();
        double toMicros = factor(result.getParams().getTimeUnit());
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return new TextToReplyRun(s.getN(), s.getMean() * toMicros, s.getPercentile(50) * toMicros,
                s.getPercentile(90) * toMicros, s.getPercentile(99) * toMicros, s.getPercentile(99.9) * toMicros,
                s.getMax() * toMicros, alloc == null ? Double.NaN : alloc.getScore(), command);
    }

    private static double factor(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> 1e-3;
            case MICROSECONDS -> 1;
            case MILLISECONDS -> 1e3;
            case SECONDS -> 1e6;
            default -> throw new IllegalArgumentException("unexpected time unit " + unit);
        };
    }
}
