package org.ketaminefaq.chatbot.nlp;

import java.util.List;
import java.util.Objects;

/**
 * What a message asks for, as decided by the {@link IntentRecognizer}.
 *
 * <pre>{@code
 * switch (recognizer.recognize(text)) {
 *     case Recognition.Crisis c -> showCrisisResources();
 *     case Recognition.Understood u -> answer(u.intent(), u.crisisTopic());
 *     case Recognition.NotUnderstood n -> offer(n.suggestions());
 * }
 * }</pre>
 */
public sealed interface Recognition {

    /** The intent the decision amounts to: crisis, out_of_scope, or the understood intent. */
    Intent intent();

    /**
     * A visitor in crisis: crisis resources come first.
     *
     * @param byLexicon whether the crisis lexicon saw it (otherwise the classifier's crisis class did)
     */
    record Crisis(boolean byLexicon) implements Recognition {
        @Override
        public Intent intent() {
            return Intent.CRISIS;
        }
    }

    /**
     * A recognised question.
     *
     * @param intent what it asks
     * @param confidence the classifier's confidence
     * @param crisisTopic whether it touches on suicide or self-harm as a topic, so crisis resources go with the answer
     */
    record Understood(Intent intent, double confidence, boolean crisisTopic) implements Recognition {
        public Understood {
            Objects.requireNonNull(intent, "intent");
        }
    }

    /**
     * A message the bot does not answer: out of scope, or too unsure.
     *
     * @param confidence the best in-scope confidence
     * @param suggestions the likeliest in-scope intents, most likely first, for "did you mean"
     * @param crisisTopic whether it touches on suicide or self-harm as a topic
     */
    record NotUnderstood(double confidence, List<IntentScore> suggestions, boolean crisisTopic) implements Recognition {
        public NotUnderstood {
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public Intent intent() {
            return Intent.OUT_OF_SCOPE;
        }
    }
}
