package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwoQuestionsTest {

    @Test
    void splitsOnAJoiningWordBeforeASecondQuestion() {
        assertEquals(Optional.of(List.of("how much does it cost", "does insurance cover it?")),
                TwoQuestions.split("how much does it cost and does insurance cover it?"));
        assertEquals(Optional.of(List.of("how long is a session", "how many will I need?")),
                TwoQuestions.split("how long is a session, also how many will I need?"));
    }

    @Test
    void splitsTwoSentencesThatEachAsk() {
        assertEquals(Optional.of(List.of("My mum has depression. How long is a session",
                        "Is it painful?")),
                TwoQuestions.split("My mum has depression. How long is a session? Is it painful?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "does it help with anxiety and depression?",
        "how much is it?",
        "I have PTSD and my doctor suggested it",
        "what is it and how",
    })
    void oneQuestionStaysWhole(String text) {
        assertEquals(Optional.empty(), TwoQuestions.split(text), text);
    }
}
