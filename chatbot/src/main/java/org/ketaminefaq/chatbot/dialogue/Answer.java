package org.ketaminefaq.chatbot.dialogue;

import java.util.List;
import java.util.Objects;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.Citation;

/**
 * An answer as a visitor sees it.
 *
 * @param intent what it answers
 * @param text the answer in plain language, with the clinic's details filled in
 * @param sources the articles its facts come from
 * @param quickReplies follow-up questions the visitor can tap
 */
public record Answer(Intent intent, String text, List<Citation> sources, List<String> quickReplies) {

    public Answer {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
        sources = List.copyOf(sources);
        quickReplies = List.copyOf(quickReplies);
    }
}
