package org.ketaminefaq.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where the chat server's CPU time goes under load, from a JFR recording of it: the share of the samples with each
 * stage's method anywhere on the stack (so a stage's share includes what it calls, and the shares overlap where one
 * stage calls another). BENCHMARKS.md quotes these shares; this is how anyone can take them again.
 *
 * <p>The recording should come from JDK 25 or later with its {@code jdk.CPUTimeSample} event, which samples threads by
 * the CPU time they use and so also counts time in system calls such as the socket write; the older
 * {@code jdk.ExecutionSample} sees only threads running Java code. The first seconds are left out, since the server
 * starts and its JIT compiles the path then.
 *
 * <pre>{@code
 * $JDK25/bin/java -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.ProfileShares chat.jfr
 * }</pre>
 */
@Command(name = "profile-shares", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The share of a JFR recording's CPU samples of the chat server in each stage of a reply.")
public final class ProfileShares implements Callable<Integer> {

    /** A part of the work, recognised by a method (a class and method name prefix) anywhere on a sample's stack. */
    record Stage(String name, String frame) {
    }

    /** The stages BENCHMARKS.md names, in the order it names them. */
    static final List<Stage> CHAT_SERVER = List.of(
            new Stage("dialogue (normalise, crisis check, classify, decide, compose)",
                    "org.ketaminefaq.chatbot.dialogue.ChatSession.message"),
            new Stage("  classifier", "org.ketaminefaq.chatbot.nlp.OpenNlpIntentClassifier."),
            new Stage("  crisis lexicon", "org.ketaminefaq.chatbot.nlp.CrisisLexicon."),
            new Stage("  normaliser", "org.ketaminefaq.chatbot.nlp.TextNormalizer."),
            new Stage("reading the visitor's frame as JSON", "org.ketaminefaq.chatbot.server.ProtocolCodec.decode"),
            new Stage("writing the reply's JSON", "org.ketaminefaq.chatbot.server.ProtocolCodec.encode"),
            new Stage("Tyrus's UTF-8 encoding of the reply", "org.glassfish.tyrus.core.StrictUtf8$Encoder."),
            new Stage("socket write", "sun.nio.ch.SocketChannelImpl.write"),
            new Stage("socket read", "sun.nio.ch.SocketChannelImpl.read"),
            new Stage("restarting the chat's idle timer",
                    "org.glassfish.tyrus.core.TyrusSession.restartIdleTimeoutExecutor"));

    /** The threads that read and answer the frames. */
    static final String SELECTOR_THREADS = "grizzly-nio-kernel";

    @Parameters(paramLabel = "RECORDING", description = "A JFR recording of the chat server under load.")
    Path recording;

    @Option(names = "--event", description = "The sample event to count (default: ${DEFAULT-VALUE}).")
    String event = "jdk.CPUTimeSample";

    @Option(names = "--skip-seconds", description = "Seconds at the start of the recording to leave out "
            + "(default: ${DEFAULT-VALUE}).")
    int skipSeconds = 30;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProfileShares()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<Sample> samples = read(recording, event, Duration.ofSeconds(skipSeconds));
        if (samples.isEmpty()) {
            System.err.printf("%s has no %s events after its first %d s: was the server recorded with that event "
                    + "enabled, and under load?%n", recording, event, skipSeconds);
            return 1;
        }
        Shares shares = Shares.of(samples, CHAT_SERVER, SELECTOR_THREADS);
        System.out.printf(Locale.ROOT, "%,d %s samples%n", samples.size(), event);
        for (int i = 0; i < CHAT_SERVER.size(); i++) {
            System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100 * shares.stages().get(i), CHAT_SERVER.get(i).name());
        }
        System.out.printf(Locale.ROOT, "%5.1f%%  on Grizzly's selector threads%n", 100 * shares.threads());
        return 0;
    }

    /** One sample: the thread it was taken on and its stack, innermost frame first, as "class.method". */
    record Sample(String thread, List<String> frames) {
    }

    /** The share of the samples in each stage (in the stages' order), and on the named threads. */
    record Shares(List<Double> stages, double threads) {

        static Shares of(List<Sample> samples, List<Stage> stages, String threadPrefix) {
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("no samples to share out");
            }
            long[] counts = new long[stages.size()];
            long onThreads = 0;
            for (Sample sample : samples) {
                for (int i = 0; i < stages.size(); i++) {
                    String frame = stages.get(i).frame();
                    if (sample.frames().stream().anyMatch(f -> f.startsWith(frame))) {
                        counts[i]++;
                    }
                }
                if (sample.thread().startsWith(threadPrefix)) {
                    onThreads++;
                }
            }
            List<Double> shares = new ArrayList<>();
            for (long count : counts) {
                shares.add((double) count / samples.size());
            }
            return new Shares(List.copyOf(shares), (double) onThreads / samples.size());
        }
    }

    /** The samples of {@code event} in a recording, those in its first {@code skip} left out. */
    static List<Sample> read(Path recording, String event, Duration skip) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals(event) && e.getStackTrace() != null) {
                    events.add(e);
                }
            }
        }
        Instant from = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo)
                .orElse(Instant.EPOCH).plus(skip);
        List<Sample> samples = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (!e.getStartTime().isBefore(from)) {
                samples.add(new Sample(threadName(e), frames(e.getStackTrace())));
            }
        }
        return samples;
    }

    private static String threadName(RecordedEvent e) {
        // the CPU-time sampler names the thread it sampled as the event's thread, the execution sampler separately
        RecordedThread thread = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
        return thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
    }

    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        return frames;
    }
}
