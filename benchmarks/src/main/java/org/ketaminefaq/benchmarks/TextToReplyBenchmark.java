package org.ketaminefaq.benchmarks;

import java.util.List;
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

/**
 * The path from a visitor's text to a decided, composed reply: normalise, crisis check, classify, decide, compose.
 * Each call is a new conversation's first message, over the test set in turn, so the mix of intents,
 * crises, out-of-scope messages and long stories is the test set's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
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
}
