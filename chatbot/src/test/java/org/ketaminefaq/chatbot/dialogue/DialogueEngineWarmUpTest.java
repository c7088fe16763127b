package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.nlp.IntentClassifier;
import org.ketaminefaq.chatbot.nlp.IntentRecognizer;
import org.ketaminefaq.chatbot.nlp.RecognitionPolicy;
import org.ketaminefaq.chatbot.server.LogCapture;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;

class DialogueEngineWarmUpTest {

    /** A classifier that fails on every message, as a broken model would. */
    private static final IntentClassifier BROKEN = text -> {
        throw new IllegalStateException("the model is broken");
    };

    @Test
    void aWarmUpThatFailsIsLoggedAsAWarningAndTheEngineIsStillCreated() throws InterruptedException {
        Logger logger = Logger.getLogger(DialogueEngine.class.getName());
        LogCapture.Recorder records = new LogCapture.Recorder();
        boolean useParentHandlers = logger.getUseParentHandlers();
        // the expected warning is caught here rather than printed with its stack trace in the build's output
        logger.setUseParentHandlers(false);
        logger.addHandler(records);
        try {
            DialogueEngine engine = DialogueEngine.create(
                    ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()),
                    IntentRecognizer.of(BROKEN, BROKEN, RecognitionPolicy.fromClasspath()),
                    DialogueEngine.DEFAULT_MAX_MESSAGE_LENGTH);

            // the warm-up runs on its own thread; a generous wait, not a timing
            LogRecord record = records.next(Duration.ofSeconds(30)).orElseThrow(
                    () -> new AssertionError("the failed warm-up was not logged"));
            assertEquals(Level.WARNING, record.getLevel());
            assertInstanceOf(IllegalStateException.class, record.getThrown());
            // a visitor's message meets the same failure, for the caller to handle
            assertThrows(IllegalStateException.class, () -> engine.newSession().message("how much does it cost?"));
        } finally {
            logger.removeHandler(records);
            logger.setUseParentHandlers(useParentHandlers);
        }
    }
}
