package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisLexiconTest {

    private static CrisisSignal detect(String text) {
        return CrisisLexicon.detect(TextNormalizer.normalize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I want to kill myself",
        "i wanna kil myslef",
        "im going to end it tonight",
        "I've been thinking about suicide a lot",
        "i feel suicidel",
        "I don't want to be here anymore",
        "everyone would be better off without me",
        "what's the point of living",
        "I can't go on like this, I can't do this anymore",
        "I've been saving up my pills so I can take them all at once",
        "I have a gun in the house and I keep thinking about using it on myself",
        "I wrote goodbye letters to my kids",
        "I picked a date",
        "I've started cutting again",
        "kms",
        "How much is it? honestly I've been thinking about ending my life",
        "I'm having suicidal thoughts, does ketamine help?",
        "no reason to live anymore",
    })
    void personalCrisisPhrasingsAreCaughtWithTypos(String text) {
        assertEquals(CrisisSignal.PERSONAL, detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "does ketamine help with suicidal thoughts?",
        "is ketamine used for suicidal ideation",
        "can esketamine reduce suicide risk",
    })
    void questionsAboutSuicideAsATopicAreNotAPersonalCrisis(String text) {
        assertEquals(CrisisSignal.TOPIC, detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "this price is killing me",
        "my boss is going to kill me if I'm late",
        "I could die for a coffee",
        "the wait is killing me",
        "how much does an infusion cost",
        "is it safe for my heart",
        "I'm dying to know how it works",
    })
    void figuresOfSpeechAndOrdinaryQuestionsAreNoCrisis(String text) {
        assertEquals(CrisisSignal.NONE, detect(text), text);
    }

    @Test
    void oneTypoInALongerWordIsTolerated() {
        assertTrue(CrisisLexicon.withinOneEdit("myslef", "myself"));
        assertTrue(CrisisLexicon.withinOneEdit("suicde", "suicide"));
        assertTrue(CrisisLexicon.withinOneEdit("anymor", "anymore"));
        assertFalse(CrisisLexicon.withinOneEdit("mystery", "myself"));
    }
}
