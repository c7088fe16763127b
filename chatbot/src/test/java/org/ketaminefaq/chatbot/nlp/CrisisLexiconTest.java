package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void everyOneEditTypoOfALexiconWordIsCorrectedToALexiconWordOneEditAway() {
        for (String word : List.of("myself", "suicide", "overdosing", "anymore", "medications", "unalive")) {
            for (String typo : oneEditTypos(word)) {
                String corrected = CrisisLexicon.correctTypos("i want to " + typo + " now");
                String fixed = corrected.split(" ")[3];
                assertTrue(CrisisLexicon.withinOneEdit(typo, fixed) && !fixed.equals(typo) || typo.length() < 5,
                        typo + " became " + fixed);
                assertEquals(corrected, CrisisLexicon.correctTypos("i want to " + typo + " now"), "the same each time");
            }
        }
    }

    @Test
    void textWithoutATypoOfALexiconWordIsLeftAsItIs() {
        for (LabelledUtterance u : UtteranceFiles.evaluation()) {
            String text = TextNormalizer.normalize(u.text());
            String corrected = CrisisLexicon.correctTypos(text);
            java.util.Set<String> changed = new java.util.HashSet<>(List.of(text.split(" ")));
            changed.removeAll(List.of(corrected.split(" ")));
            for (String word : changed) {
                assertTrue(word.length() >= 5, word + " in " + text);
            }
        }
        assertEquals("how much does ketamine therapy cost", CrisisLexicon.correctTypos(
                "how much does ketamine therapy cost"));
    }

    private static List<String> oneEditTypos(String word) {
        List<String> typos = new java.util.ArrayList<>();
        for (int i = 0; i < word.length(); i++) {
            typos.add(word.substring(0, i) + word.substring(i + 1));
            typos.add(word.substring(0, i) + 'q' + word.substring(i + 1));
            typos.add(word.substring(0, i) + 'z' + word.substring(i));
            if (i + 1 < word.length()) {
                typos.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
            }
        }
        return typos;
    }
}
