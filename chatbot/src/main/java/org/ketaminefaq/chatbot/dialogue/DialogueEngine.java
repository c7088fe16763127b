package org.ketaminefaq.chatbot.dialogue;

import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ketaminefaq.chatbot.nlp.IntentRecognizer;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.eligibility.EligibilityRules;

/**
 * The chatbot's dialogue, callable in-process: one engine per clinic, shared by all conversations, and one
 * {@link ChatSession} per visitor. Holds no visitor data itself; safe to share between threads.
 *
 * <pre>{@code
 * DialogueEngine engine = DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));
 * ChatSession chat = engine.newSession();
 * Reply hello = chat.start();                 // Reply.Welcome
 * Reply cost = chat.message("how much is it?"); // Reply.AnswerReply for cost
 * }</pre>
 */
public final class DialogueEngine {

    private static final Logger LOG = Logger.getLogger(DialogueEngine.class.getName());

    /** The longest message a visitor may send, in characters after trimming, unless configured otherwise. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1000;

    private final ClinicKnowledge clinic;
    private final IntentRecognizer recognizer;
    private final AnswerComposer answers;
    private final EligibilityRules rules;
    private final Messages messages;
    private final int maxMessageLength;

    private DialogueEngine(ClinicKnowledge clinic, IntentRecognizer recognizer, int maxMessageLength) {
        this.clinic = Objects.requireNonNull(clinic, "clinic");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.answers = AnswerComposer.load(clinic);
        this.rules = EligibilityRules.of(clinic);
        this.messages = Messages.load();
        if (maxMessageLength < 1) {
            throw new IllegalArgumentException("maxMessageLength must be at least 1, but was " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** The engine for a clinic, with the recognizer trained during the build. */
    public static DialogueEngine create(ClinicKnowledge clinic) {
        return create(clinic, IntentRecognizer.shipped(), DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /**
     * The engine for a clinic with a given recognizer and message length limit. It starts answering a few fixed
     * questions on a background thread at once (see {@link #WARM_UP}), and returns without waiting for them.
     */
    public static DialogueEngine create(ClinicKnowledge clinic, IntentRecognizer recognizer, int maxMessageLength) {
        DialogueEngine engine = new DialogueEngine(clinic, recognizer, maxMessageLength);
        engine.warmUpInBackground();
        return engine;
    }

    /**
     * Fixed questions, never a visitor's, that a new engine answers on a background thread: what the first visitor's
     * message would otherwise pay for on a cold JVM (compiling the crisis lexicon's and the form detector's patterns,
     * the classifiers' and the sentence-embedding model's first runs, composing the first answers) is done while the
     * server around the engine is still starting, on the other core.
     */
    static final List<String> WARM_UP = List.of("how much does an infusion cost?", "is it safe for me?");

    private void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            try {
                for (String question : WARM_UP) {
                    newSession().message(question);
                }
            } catch (RuntimeException e) {
                // the questions are fixed, never a visitor's, so the exception may be logged whole; the server
                // still starts, and a visitor's message that meets the same failure gets its own handling
                LOG.log(Level.WARNING, "Warming up the dialogue failed", e);
            }
        }, "ketamine-faq-dialogue-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** A new conversation with one visitor. */
    public ChatSession newSession() {
        return new ChatSession(this);
    }

    /** The error reply for a code, in words a visitor understands. */
    public Reply.Error error(Reply.ErrorCode code) {
        return new Reply.Error(code, messages.error(code));
    }

    /** The clinic this engine speaks for. */
    public ClinicKnowledge clinic() {
        return clinic;
    }

    IntentRecognizer recognizer() {
        return recognizer;
    }

    AnswerComposer answers() {
        return answers;
    }

    EligibilityRules rules() {
        return rules;
    }

    Messages messages() {
        return messages;
    }

    int maxMessageLength() {
        return maxMessageLength;
    }
}
