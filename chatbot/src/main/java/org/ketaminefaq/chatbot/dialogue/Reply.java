package org.ketaminefaq.chatbot.dialogue;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.Recognition;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.eligibility.Assessment;
import org.ketaminefaq.core.eligibility.ScreeningField;

/**
 * What the chatbot says in return to one thing the visitor did. Exactly one reply answers each client frame; the
 * transport writes each case as one JSON object of the protocol.
 */
public sealed interface Reply {

    /** The greeting at the start of a conversation and after a reset. */
    record Welcome(String text, List<String> quickReplies, String disclaimer) implements Reply {
        public Welcome {
            Objects.requireNonNull(text, "text");
            quickReplies = List.copyOf(quickReplies);
            Objects.requireNonNull(disclaimer, "disclaimer");
        }
    }

    /**
     * An answer from the knowledge base.
     *
     * @param confidence the classifier's confidence, when the intent came from classification
     * @param resources crisis resources, when the question touches on suicide or self-harm as a topic
     */
    record AnswerReply(Intent intent, OptionalDouble confidence, String text, List<Citation> sources,
                       List<String> quickReplies, List<CrisisResource> resources) implements Reply {
        public AnswerReply {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(confidence, "confidence");
            Objects.requireNonNull(text, "text");
            sources = List.copyOf(sources);
            quickReplies = List.copyOf(quickReplies);
            resources = List.copyOf(resources);
        }
    }

    /** A message the bot does not answer, with the likeliest topics as "did you mean" suggestions. */
    record Fallback(double confidence, String text, List<Suggestion> suggestions, List<CrisisResource> resources)
            implements Reply {
        public Fallback {
            Objects.requireNonNull(text, "text");
            suggestions = List.copyOf(suggestions);
            resources = List.copyOf(resources);
        }
    }

    /** A topic the visitor can pick instead. */
    record Suggestion(Intent intent, String label) {
        public Suggestion {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A visitor in crisis, or worried about someone who is: crisis resources before anything else.
     *
     * @param concern whose danger the visitor wrote about, which decides the words
     * @param quickReplies what the visitor may choose next; empty but for a crisis reported in the screening
     * @param sources the sources of an answer that follows the resources, for a question asked beside someone else's
     *     crisis; empty otherwise
     */
    record Crisis(Recognition.Concern concern, String text, List<CrisisResource> resources, List<String> quickReplies,
                  List<Citation> sources) implements Reply {
        public Crisis {
            Objects.requireNonNull(concern, "concern");
            Objects.requireNonNull(text, "text");
            resources = List.copyOf(resources);
            quickReplies = List.copyOf(quickReplies);
            sources = List.copyOf(sources);
        }

        public Crisis(Recognition.Concern concern, String text, List<CrisisResource> resources) {
            this(concern, text, resources, List.of(), List.of());
        }
    }

    /** One screening question; {@code step} of {@code of} counts the questions. */
    record Question(ScreeningField field, String text, List<String> quickReplies, int step, int of) implements Reply {
        public Question {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
            quickReplies = List.copyOf(quickReplies);
        }
    }

    /**
     * The screening's outcome, decided by the core rules.
     *
     * @param resources crisis resources: the assessment's, or the clinic's when the visitor preferred not to say
     */
    record Result(Assessment assessment, String text, List<String> quickReplies, List<CrisisResource> resources)
            implements Reply {
        public Result {
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(text, "text");
            quickReplies = List.copyOf(quickReplies);
            resources = List.copyOf(resources);
        }
    }

    /** A conversation picked up where a resume token left it. */
    record Resumed() implements Reply {
    }

    /** Something the visitor sent could not be used; the conversation goes on. */
    record Error(ErrorCode code, String text) implements Reply {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The error codes of the protocol. */
    enum ErrorCode {
        BAD_JSON, UNKNOWN_TYPE, EMPTY_TEXT, TOO_LONG, RATE_LIMITED,
        /** A resume token that is forged, expired, for another clinic or unreadable: the chat starts afresh. */
        BAD_RESUME;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
