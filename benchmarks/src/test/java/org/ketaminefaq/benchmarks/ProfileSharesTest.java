package org.ketaminefaq.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile shares BENCHMARKS.md quotes must count each sample once per stage on its stack, and read a recording. */
class ProfileSharesTest {

    private static final List<ProfileShares.Stage> STAGES = List.of(
            new ProfileShares.Stage("dialogue", "app.Chat.message"),
            new ProfileShares.Stage("classifier", "app.Classifier."),
            new ProfileShares.Stage("write", "io.Socket.write"));

    @Test
    void aStageCountsEverySampleWithItsMethodAnywhereOnTheStack() {
        List<ProfileShares.Sample> samples = List.of(
                new ProfileShares.Sample("grizzly-nio-kernel(1)",
                        List.of("app.Classifier.add", "app.Classifier.score", "app.Chat.message", "app.Endpoint.on")),
                new ProfileShares.Sample("grizzly-nio-kernel(2)",
                        List.of("app.Chat.messageCount", "app.Endpoint.on")),
                new ProfileShares.Sample("grizzly-nio-kernel(1)", List.of("io.Socket.write0", "io.Socket.write")),
                new ProfileShares.Sample("HttpServer(1)", List.of("io.Socket.read")));

        ProfileShares.Shares shares = ProfileShares.Shares.of(samples, STAGES, "grizzly-nio-kernel");

        // "app.Chat.messageCount" starts with the dialogue's frame too: a prefix is a prefix
        assertEquals(List.of(0.5, 0.25, 0.25), shares.stages());
        assertEquals(0.75, shares.threads());
    }

    @Test
    void noSamplesIsAnErrorRatherThanZeroShares() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileShares.Shares.of(List.of(), STAGES, "grizzly-nio-kernel"));
        assertTrue(e.getMessage().contains("no samples"), e.getMessage());
    }

    @Test
    void readsTheSampledThreadAndStackOfARecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spin.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Thread spinner = new Thread(ProfileSharesTest::spinForHalfASecond, "grizzly-nio-kernel(7)");
            spinner.start();
            spinner.join();
            recording.stop();
            recording.dump(file);
        }

        List<ProfileShares.Sample> samples = ProfileShares.read(file, "jdk.ExecutionSample", Duration.ZERO);

        assertFalse(samples.isEmpty(), "half a second of spinning gave no samples");
        ProfileShares.Shares shares = ProfileShares.Shares.of(samples, List.of(new ProfileShares.Stage("spin",
                ProfileSharesTest.class.getName() + ".spinForHalfASecond")), "grizzly-nio-kernel");
        assertTrue(shares.stages().get(0) > 0.5, "share in the spinning method: " + shares.stages().get(0));
        assertTrue(shares.threads() > 0.5, "share on the spinning thread: " + shares.threads());
        assertTrue(ProfileShares.read(file, "jdk.ExecutionSample", Duration.ofHours(1)).isEmpty(),
                "samples in the first hour of a short recording are left out when asked");
    }

    private static void spinForHalfASecond() {
        long end = System.nanoTime() + 500_000_000L;
        double x = 1;
        while (System.nanoTime() < end) {
            x = Math.sqrt(x + 1);
        }
        if (x < 0) {
            throw new AssertionError(x); // keeps the loop from being optimised away
        }
    }
}
