package org.ketaminefaq.chatbot.nlp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the two questions in a message that asks two ("how much does it cost and does insurance cover it?", "How
 * long is a session? How many will I need?"), so that each can be recognised and answered on its own. The second part
 * must start the way a question does, after "and", "also", "plus" or a question mark; "does it help with anxiety and
 * depression?" is one question.
 *
 * <pre>{@code
 * TwoQuestions.split("how much is it and is it covered by insurance")
 *     // Optional[[how much is it, is it covered by insurance]]
 * TwoQuestions.split("does it help anxiety and depression")   // Optional.empty()
 * }</pre>
 */
public final class TwoQuestions {

    /** Where a second question may start: a question mark, or a joining word (with a comma or not). */
    private static final Pattern JOINT = Pattern.compile(
            "\\?+\\s+|[,;]?\\s+(?:and also|and|also|plus|oh and|btw|by the way|and btw)\\s+(?:also\\s+)?|;\\s+");
    private static final Pattern QUESTION_START = Pattern.compile("^(?:what|whats|what's|how|why|when|where|who|which"
            + "|is|isn't|are|aren't|can|could|do|does|did|will|would|should|may|am|any|is there|are there)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int MIN_WORDS = 3;

    private TwoQuestions() {
    }

    /** The two questions of {@code text}, in the order asked; empty when it asks one (or more than two). */
    public static Optional<List<String>> split(String text) {
        Matcher m = JOINT.matcher(text);
        while (m.find()) {
            String first = text.substring(0, m.start()).strip();
            String second = text.substring(m.end()).strip();
            if (words(first) >= MIN_WORDS && words(second) >= MIN_WORDS && QUESTION_START.matcher(second).find()
                    && QUESTION_START.matcher(lastSentence(first)).find()) {
                return Optional.of(List.of(first, second));
            }
        }
        return Optional.empty();
    }

    /** The last sentence of a part, without a greeting in front: where its question starts. */
    private static String lastSentence(String text) {
        String[] sentences = text.split("(?<=[.!])\\s+");
        return sentences[sentences.length - 1].replaceFirst("^(?i)(hi|hello|hey|ok|okay|so|also|and)[,!.]?\\s+", "");
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.split("\\s+").length;
    }
}
