package org.ketaminefaq.chatbot.nlp;

import java.util.Comparator;
import java.util.Objects;

/**
 * How likely one intent is for a message.
 *
 * @param intent the intent
 * @param confidence the classifier's probability, from 0 to 1
 */
public record IntentScore(Intent intent, double confidence) {

    /** Highest confidence first; ties in the order of the intents, so that a ranking is the same in every run. */
    public static final Comparator<IntentScore> BEST_FIRST = Comparator.comparingDouble(IntentScore::confidence)
            .reversed().thenComparing(IntentScore::intent);

    public IntentScore {
        Objects.requireNonNull(intent, "intent");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, but was " + confidence);
        }
    }
}
