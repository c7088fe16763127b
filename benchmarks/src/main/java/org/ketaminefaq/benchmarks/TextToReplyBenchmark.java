package org.ketaminefaq.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.nlp.LabelledUtterance;
import org.ketaminefaq.chatbot.nlp.QuietLibraries;
import org.ketaminefaq.chatbot.nlp.UtteranceFiles;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * The path from a visitor's text to a decided, composed reply: normalise, crisis check, classify, decide, compose.
 * Each call is a new conversation's first message, over the test set in turn, so the mix of intents,
 * crises, out-of-scope messages and long stories is the test set's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class TextToReplyBenchmark {

    private DialogueEngine engine;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        QuietLibraries.apply();
        engine = DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));
        texts = UtteranceFiles.test().stream().map(LabelledUtterance::text).toList();
    }

    @Benchmark
    public Reply textToReply() {
        String text = texts.get(next);
        next = next + 1 == texts.size() ? 0 : next + 1;
        return engine.newSession().message(text);
    }

    /**
     * Runs this benchmark on {@code threads} threads, with JMH's GC profiler, and returns its figures: the latency's
     * p50, p99, p99.9 and max in milliseconds and the bytes allocated per message.
     */
    static Map<String, Object> run(int threads) throws RunnerException {
        RunResult result = new Runner(new OptionsBuilder().include(TextToReplyBenchmark.class.getName())
                .threads(threads).addProfiler(GCProfiler.class).shouldFailOnError(true).build()).run()
                .iterator().next();
        Statistics s = result.getPrimaryResult().getStatistics();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("threads", threads);
        figures.put("command", "java -jar benchmarks/target/ketamine-faq-benchmarks.jar TextToReplyBenchmark -prof gc -t "
                + threads);
        figures.put("samples", s.getN());
        for (double p : new double[] {50, 99, 99.9}) {
            figures.put("p" + (p == 99.9 ? "99.9" : String.valueOf((int) p)) + "Millis", LoadTool.round(s.getPercentile(p) / 1000));
        }
        figures.put("maxMillis", LoadTool.round(s.getMax() / 1000));
        figures.put("allocatedBytesPerMessage",
                Math.round(result.getSecondaryResults().get("gc.alloc.rate.norm").getScore()));
        return figures;
    }
}
