package org.ketaminefaq.chatbot.nlp;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns down OpenNLP's training chatter (about a hundred INFO lines per model). */
public final class QuietLibraries {

    // java.util.logging holds loggers weakly: a level set on a logger nobody references is lost at the next GC
    private static final Logger OPENNLP = Logger.getLogger("opennlp");

    private QuietLibraries() {
    }

    public static void apply() {
        OPENNLP.setLevel(Level.WARNING);
    }
}
