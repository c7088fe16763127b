package org.ketaminefaq.chatbot.nlp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message with the intent a person gave it, for training, choosing thresholds or reporting.
 *
 * @param intent the intent it belongs to
 * @param text the message as a visitor would type it
 * @param notes what kind of message it is ({@code typo}, {@code long}, {@code family}, ...), for reporting by kind
 * @param also the intent of a second question in the same message, which counts as right too
 */
public record LabelledUtterance(Intent intent, String text, List<String> notes, Optional<Intent> also) {

    public LabelledUtterance {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
        notes = List.copyOf(notes);
        Objects.requireNonNull(also, "also");
    }

    /** A message with no notes and one question. */
    public LabelledUtterance(Intent intent, String text) {
        this(intent, text, List.of(), Optional.empty());
    }

    /** Whether {@code decided} is a right answer to this message. */
    public boolean isAnsweredBy(Intent decided) {
        return decided == intent || also.filter(decided::equals).isPresent();
    }
}
