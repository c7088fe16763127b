package org.ketaminefaq.chatbot.nlp;

import java.util.List;

/** Scores every intent for a message. Implementations are safe to call from many threads. */
public interface IntentClassifier {

    /** Every intent with its confidence, most likely first; the confidences add up to 1. */
    List<IntentScore> rank(String text);

    /**
     * The same ranking, for a caller that already has the text in {@link TextNormalizer} form; a classifier that
     * normalises its input can skip doing it again.
     */
    default List<IntentScore> rank(String text, String normalized) {
        return rank(text);
    }
}
