package org.ketaminefaq.chatbot.nlp;

import java.util.Objects;

/**
 * A message with the intent a person gave it, for training or evaluation.
 *
 * @param intent the intent it belongs to
 * @param text the message as a visitor would type it
 */
public record LabelledUtterance(Intent intent, String text) {

    public LabelledUtterance {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
    }
}
