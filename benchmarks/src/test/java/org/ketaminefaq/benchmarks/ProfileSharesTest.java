package org.ketaminefaq.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Event;
import jdk.jfr.Name;
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
    void readsTheThreadAndStackOfEachSampleInARecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("samples.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(OwnThreadSample.class).withStackTrace();
            recording.enable(SampledThreadSample.class).withStackTrace();
            recording.start();
            CountDownLatch sampledByOthers = new CountDownLatch(1);
            Thread selector = new Thread(() -> answerAFrame(sampledByOthers), "grizzly-nio-kernel(7)");
            selector.start();
            SampledThreadSample other = new SampledThreadSample();
            other.sampledThread = selector; // as the execution sampler names the thread it sampled
            other.commit();
            sampledByOthers.countDown();
            selector.join();
            recording.stop();
            recording.dump(file);
        }

        List<ProfileShares.Sample> own = ProfileShares.read(file, "ketaminefaq.test.OwnThreadSample", Duration.ZERO);
        assertEquals(2, own.size(), "samples read: " + own);
        for (ProfileShares.Sample sample : own) {
            assertEquals("grizzly-nio-kernel(7)", sample.thread());
            assertEquals(ProfileSharesTest.class.getName() + ".answerAFrame", sample.frames().get(0),
                    "innermost frame first: " + sample.frames());
        }
        List<ProfileShares.Sample> sampled = ProfileShares.read(file, "ketaminefaq.test.SampledThreadSample",
                Duration.ZERO);
        assertEquals(1, sampled.size(), "samples read: " + sampled);
        assertEquals("grizzly-nio-kernel(7)", sampled.get(0).thread(), "the sampled thread, not the committing one");
        assertTrue(ProfileShares.read(file, "ketaminefaq.test.OwnThreadSample", Duration.ofHours(1)).isEmpty(),
                "samples in the first hour of a short recording are left out when asked");
    }

    private static void answerAFrame(CountDownLatch stayUntil) {
        new OwnThreadSample().commit();
        new OwnThreadSample().commit();
        try {
            // a thread is named in a recording only while it is alive
            stayUntil.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sample of the thread that takes it, as {@code jdk.CPUTimeSample} is. */
    @Name("ketaminefaq.test.OwnThreadSample")
    static final class OwnThreadSample extends Event {
    }

    /** A sample that names another thread, as {@code jdk.ExecutionSample} does. */
    @Name("ketaminefaq.test.SampledThreadSample")
    static final class SampledThreadSample extends Event {
        Thread sampledThread;
    }
}
