package org.ketaminefaq.chatbot.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a reply to two questions in one message: both answers in the order asked, each cut to its opening
 * sentences so that the whole stays near the 150 words a visitor reads at once, and the second keeping its closing
 * sentence, which points to a clinician.
 */
final class TwoPartReply {

    /** About 150 words in all: the first part's opening, the second's opening and its closing sentence. */
    static final int FIRST_PART_WORDS = 70;
    static final int SECOND_PART_WORDS = 55;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TwoPartReply() {
    }

    static String text(Answer first, Answer second) {
        List<String> secondSentences = sentences(second.text());
        String closing = secondSentences.get(secondSentences.size() - 1);
        String secondPart = opening(secondSentences.subList(0, secondSentences.size() - 1), SECOND_PART_WORDS);
        return opening(sentences(first.text()), FIRST_PART_WORDS) + "\n\n"
                + (secondPart.isEmpty() ? closing : secondPart + " " + closing);
    }

    /** The leading sentences within {@code maxWords}, and always the first. */
    private static String opening(List<String> sentences, int maxWords) {
        List<String> kept = new ArrayList<>();
        int words = 0;
        for (String sentence : sentences) {
            int count = SPACES.split(sentence.strip()).length;
            if (!kept.isEmpty() && words + count > maxWords) {
                break;
            }
            kept.add(sentence);
            words += count;
        }
        return String.join(" ", kept);
    }

    private static List<String> sentences(String text) {
        return List.of(SENTENCE_END.split(text.strip()));
    }
}
