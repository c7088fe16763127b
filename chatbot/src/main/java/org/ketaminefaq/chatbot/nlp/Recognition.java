package org.ketaminefaq.chatbot.nlp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message asks for, as decided by the {@link IntentRecognizer}.
 *
 * <pre>{@code
 * switch (recognizer.recognize(text)) {
 *     case Recognition.Crisis c -> showCrisisResources(c.concern(), c.spanish());
 *     case Recognition.Understood u -> answer(u.intent(), u.crisisTopic());
 *     case Recognition.NotUnderstood n -> offer(n.suggestions());
 * }
 * }</pre>
 */
public sealed interface Recognition {

    /** The intent the decision amounts to: crisis, someone at risk, out of scope, or the understood intent. */
    Intent intent();

    /** Whose danger a crisis message speaks of. */
    enum Concern {
        /** The visitor's own. */
        SELF,
        /** A relative's or friend's: the visitor asks how to help them. */
        SOMEONE_ELSE
    }

    /**
     * A message about suicide or self-harm as a present danger: crisis resources come first.
     *
     * @param concern whose danger it is
     * @param byLexicon whether the crisis lexicon saw it (otherwise the classifier did)
     * @param spanish whether the message is in Spanish, so that the reply offers help in Spanish first
     * @param question what the message also asks about ketamine, for someone else at risk ("my mom tried to kill
     *     herself last month, could ketamine help her?"), answered after the resources
     */
    record Crisis(Concern concern, boolean byLexicon, boolean spanish, Optional<Understood> question)
            implements Recognition {
        public Crisis {
            Objects.requireNonNull(concern, "concern");
            Objects.requireNonNull(question, "question");
        }

        public Crisis(Concern concern, boolean byLexicon, boolean spanish) {
            this(concern, byLexicon, spanish, Optional.empty());
        }

        Crisis withQuestion(Understood asked) {
            return new Crisis(concern, byLexicon, spanish, Optional.of(asked));
        }

        @Override
        public Intent intent() {
            return concern == Concern.SELF ? Intent.CRISIS : Intent.SOMEONE_AT_RISK;
        }
    }

    /**
     * A recognised question.
     *
     * @param intent what it asks
     * @param confidence the classifier's confidence
     * @param crisisTopic whether it touches on suicide or self-harm as a topic, so crisis resources go with the answer
     * @param subtopic the narrower question it asks inside its topic, by the id of its answer ({@code "dose"}), when
     *                 the model of narrower questions is sure of one
     * @param runnerUp the next likeliest topic of the answers, with its confidence, so that a close call can be asked
     *                 about rather than guessed
     */
    record Understood(Intent intent, double confidence, boolean crisisTopic, Optional<String> subtopic,
                      Optional<IntentScore> runnerUp) implements Recognition {
        public Understood {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(subtopic, "subtopic");
            Objects.requireNonNull(runnerUp, "runnerUp");
        }

        /** A recognised question with no narrower question and no runner-up. */
        public Understood(Intent intent, double confidence, boolean crisisTopic) {
            this(intent, confidence, crisisTopic, Optional.empty(), Optional.empty());
        }

        Understood withSubtopic(Optional<String> found) {
            return new Understood(intent, confidence, crisisTopic, found, runnerUp);
        }
    }

    /**
     * A message the bot does not answer: out of scope, or too unsure.
     *
     * @param confidence the best in-scope confidence
     * @param suggestions the likeliest in-scope intents, most likely first, for "did you mean"
     * @param spanish whether the message is in Spanish
     * @param outOfScopeLikeliest whether the out-of-scope class is likelier than any intent the bot answers
     */
    record NotUnderstood(double confidence, List<IntentScore> suggestions, boolean spanish, boolean outOfScopeLikeliest,
                         Optional<String> subtopic) implements Recognition {
        public NotUnderstood {
            suggestions = List.copyOf(suggestions);
            Objects.requireNonNull(subtopic, "subtopic");
        }

        /** A message not understood, with no narrower question found. */
        public NotUnderstood(double confidence, List<IntentScore> suggestions, boolean spanish,
                             boolean outOfScopeLikeliest) {
            this(confidence, suggestions, spanish, outOfScopeLikeliest, Optional.empty());
        }

        NotUnderstood withSubtopic(Optional<String> found) {
            return new NotUnderstood(confidence, suggestions, spanish, outOfScopeLikeliest, found);
        }

        @Override
        public Intent intent() {
            return Intent.OUT_OF_SCOPE;
        }
    }
}
