package org.ketaminefaq.chatbot.nlp;

import java.util.Objects;

/**
 * How likely one intent is for a message.
 *
 * @param intent the intent
 * @param confidence the classifier's probability, from 0 to 1
 */
public record IntentScore(Intent intent, double confidence) {

    public IntentScore {
        Objects.requireNonNull(intent, "intent");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, but was " + confidence);
        }
    }
}
