package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ketaminefaq.chatbot.nlp.LabelledUtterance;
import org.ketaminefaq.chatbot.nlp.UtteranceFiles;

/**
 * What the simulated visitors send: the questions of the recognizer's test set (long stories, typos, Spanish, crises,
 * screening starts), in one shuffled order fixed by a seed, chat {@code c} starting {@code c * 7} questions in, so
 * that chats do not send the same question at the same moment.
 */
final class Workload {

    static final long SEED = 20261204L;

    private final List<String> frames;

    private Workload(List<String> texts) {
        this.frames = texts.stream().map(t -> "{\"type\":\"message\",\"text\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(t)) + "\"}").toList();
    }

    static Workload fromTestSet() {
        List<String> texts = new ArrayList<>(UtteranceFiles.test().stream().map(LabelledUtterance::text).toList());
        Collections.shuffle(texts, new Random(SEED));
        return new Workload(texts);
    }

    /** The protocol frame of chat {@code chat}'s message number {@code index}. */
    String frame(int chat, int index) {
        return frames.get((int) (((long) chat * 7 + index) % frames.size()));
    }
}
