package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.dialogue.ChatSession;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.LabelledUtterance;
import org.ketaminefaq.chatbot.nlp.UtteranceFiles;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.KnowledgeBase;

class AnswerJsonCacheTest {

    private static final DialogueEngine ENGINE = DialogueEngine.create(
            ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));
    private static final Citation SOURCE =
            new Citation("003_1439dfc55acb4c08", "What is ketamine therapy?", "Cost", Optional.empty());
    private static final CrisisResource LIFELINE =
            new CrisisResource("988 Suicide & Crisis Lifeline", "Call or text 988", "tel:988");

    @Test
    void everyAnswerToTheHeldOutQuestionsIsWrittenAsTheJsonTreeWritesIt() {
        List<Reply.AnswerReply> answers = new ArrayList<>();
        for (LabelledUtterance u : UtteranceFiles.development()) {
            ChatSession chat = ENGINE.newSession();
            chat.start();
            if (chat.message(u.text()) instanceof Reply.AnswerReply a) {
                answers.add(a);
            }
        }
        // the same questions in the middle of a screening: the answer is followed by the question to resume
        for (LabelledUtterance u : UtteranceFiles.development()) {
            ChatSession chat = ENGINE.newSession();
            chat.start();
            chat.message("am I eligible for ketamine therapy?");
            if (chat.message(u.text()) instanceof Reply.AnswerReply a) {
                answers.add(a);
            }
        }
        assertTrue(answers.size() > 500, "answers to compare: " + answers.size());
        assertTrue(answers.stream().anyMatch(a -> a.text().contains("\n\n")), "no answer resumed a screening");
        for (Reply.AnswerReply a : answers) {
            String expected = ProtocolCodec.toJsonTree(a).toString();
            assertEquals(expected, ProtocolCodec.encode(a));
            assertEquals(expected, ProtocolCodec.encode(a), "written again, from what was kept");
        }
    }

    @Test
    void theConfidenceIsWrittenToTwoDecimalsAsTheJsonTreeWritesIt() {
        AnswerJsonCache cache = new AnswerJsonCache();
        List<OptionalDouble> confidences = new ArrayList<>(List.of(OptionalDouble.empty(),
                OptionalDouble.of(Double.NaN), OptionalDouble.of(0.005), OptionalDouble.of(0.995),
                OptionalDouble.of(1e-9), OptionalDouble.of(0.3049999999)));
        for (int k = 0; k <= 2000; k++) {
            confidences.add(OptionalDouble.of(k / 2000.0));
        }
        for (OptionalDouble confidence : confidences) {
            Reply.AnswerReply a = answer(confidence, "Cost varies.");
            assertEquals(ProtocolCodec.toJsonTree(a).toString(), cache.encode(a), confidence.toString());
        }
        assertEquals(1, cache.size(), "one answer, whatever its confidence");
    }

    @Test
    void textThatNeedsEscapingIsWrittenAsTheJsonTreeWritesIt() {
        Reply.AnswerReply a = new Reply.AnswerReply(Intent.SAFETY, OptionalDouble.of(0.5),
                "Quote \" backslash \\ newline \n tab \t emoji \uD83D\uDE42 </script> \u2028", List.of(SOURCE),
                List.of("Is it \"safe\"?"), List.of(LIFELINE));
        assertEquals(ProtocolCodec.toJsonTree(a).toString(), new AnswerJsonCache().encode(a));
    }

    @Test
    void keepsAtMostItsLimitAndStillWritesAnswersPastIt() {
        AnswerJsonCache cache = new AnswerJsonCache();
        for (int i = 0; i < AnswerJsonCache.MAX_ENTRIES + 10; i++) {
            Reply.AnswerReply a = answer(OptionalDouble.of(0.9), "Answer number " + i + ".");
            assertEquals(ProtocolCodec.toJsonTree(a).toString(), cache.encode(a));
        }
        assertEquals(AnswerJsonCache.MAX_ENTRIES, cache.size());
    }

    private static Reply.AnswerReply answer(OptionalDouble confidence, String text) {
        return new Reply.AnswerReply(Intent.COST, confidence, text, List.of(SOURCE), List.of("Does insurance pay?"),
                List.of());
    }
}
