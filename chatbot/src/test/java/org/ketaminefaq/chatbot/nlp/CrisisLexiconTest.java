package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisLexiconTest {

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
        "what's even the point of going on like this",
        "I can't go on like this, I can't do this anymore",
        "I've been saving up my pills so I can take them all at once",
        "I have a gun in the house and I keep thinking about using it on myself",
        "I wrote goodbye letters to my kids",
        "i already wrote the note",
        "I picked a date",
        "I've started cutting again",
        "kms",
        "How much is it? honestly I've been thinking about ending my life",
        "I'm having suicidal thoughts, does ketamine help?",
        "no reason to live anymore",
        "My husband thinks I'm fine but I've been planning how to die",
        "my son says I'd be better off dead and honestly I want to die",
        "how much is an infusion, i need to know before i decide whether to keep going or just end it",
        "sorry for everything. please look after my dog for me",
        "why bother with a consult, I don't plan on being around by spring",
        "honestly I won't be here much longer so the price doesn't matter",
    })
    void personalCrisisPhrasingsAreCaughtWithTypos(String text) {
        assertEquals(CrisisSignal.PERSONAL, CrisisLexicon.detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "took 30 of my 50mg sertraline about an hour ago",
        "how many of my amitriptyline would it take to not wake up",
        "how many of these would it take to kill me",
        "what dose of my meds would kill me",
        "do i have enough pills here to not wake up",
        "how much of it does it take to end my life",
        "the rope is tied and ready in the garage",
        "how long does it take to bleed out",
        "i keep thinking about driving my car into the median on the way home",
        "passive ideation has become active and I've been rehearsing the method",
        "this is my last message to anyone",
        "I've written my will and found a home for my cat",
        "standing on the edge of the parking garage right now",
        "would a double dose with my sleeping pills be enough to stop my heart",
        "if the infusions fail there's always the rifle in the shed, that's my backup plan",
        "my last resort is the bridge near my work",
        "if this doesn't help I know where the rope is",
        "I've kept back my tramadol so I never wake up, is the consult free?",
        "would swallowing all 40 of the sleeping pills be enough",
        "my neighbour is taking my dog on Friday so I won't need the follow-up",
        "honestly I'm finished with all of it, I won't be around by the weekend",
    })
    void meansPlansAndGoodbyesAreACrisis(String text) {
        assertEquals(CrisisSignal.PERSONAL, CrisisLexicon.detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no quiero vivir",
        "quiero quitarme la vida",
        "me voy a matar esta noche",
        "me tomé todas las pastillas",
        "ya no aguanto más, estarían mejor sin mí",
        "la soga ya está lista en el garaje",
        "guardé todas mis pastillas",
    })
    void spanishCrisisPhrasesAreACrisis(String text) {
        assertEquals(CrisisSignal.PERSONAL, CrisisLexicon.detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "my dad keeps saying he wants to die, how can I help him?",
        "my mom tried to kill herself last month",
        "My son he say he want to die, he is 19",
        "my best friend just texted me saying goodbye and now she's not picking up",
        "I found cuts on my daughter's arms",
        "my flatmate has been talking about ending things",
        "mi hijo dice que quiere matarse",
        "mi esposa ya no quiere seguir viviendo",
        "my best friend just texted me 'thanks for everything, please take care of my cat' and now she's gone quiet",
        "my grandson told me he sees no reason to go on living",
        "my dad keeps saying we'd all be better off if he was gone",
        "A client disclosed active suicidal ideation with a plan today",
    })
    void someoneElseAtRiskIsTheirCrisisNotTheVisitors(String text) {
        assertEquals(CrisisSignal.SOMEONE_ELSE, CrisisLexicon.detect(text), text);
    }

    @Test
    void theVisitorsOwnDangerOutranksSomeoneElses() {
        assertEquals(CrisisSignal.PERSONAL,
                CrisisLexicon.detect("my mom tried to kill herself last year. Now I want to die too."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "does ketamine help with suicidal thoughts?",
        "is ketamine used for suicidal ideation",
        "can esketamine reduce suicide risk",
        "what does the clinic do if a patient says they're feeling suicidal during a session",
        "could ketamine stop someone being suicidal long term",
    })
    void questionsAboutSuicideAsATopicAreNotAPersonalCrisis(String text) {
        assertEquals(CrisisSignal.TOPIC, CrisisLexicon.detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm not going to hurt myself, I just need to know if it clashes with my lamotrigine",
        "I'm not suicidal, I only want to know about side effects",
    })
    void aDenialIsNoCrisis(String text) {
        assertEquals(CrisisSignal.DENIED, CrisisLexicon.detect(text), text);
    }

    @Test
    void aDenialDoesNotHideADangerSaidBesideIt() {
        assertEquals(CrisisSignal.PERSONAL,
                CrisisLexicon.detect("I'm not suicidal but I don't want to be alive anymore"));
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
        "I just want to know the price",
        "nobody would give me a straight answer",
        "I'm not asking about the cost, I'm asking about insurance",
        "I wrote a note to my landlord about the rent",
        "no hay citas esta semana?",
        "I want to end this chat now, bye",
        "I'd rather die than get another IV line, is there a nasal spray?",
        "I overdosed on coffee this morning, can I still have my infusion?",
        "I want to end it with my current psychiatrist and switch to you",
        "She said 'don't worry about the cost' and I believed her",
        "how much is it? my husband will kill me if it's over 500",
        "how many sessions would it take to feel better",
        "is there enough time to eat before the session",
        "will you be around on Saturday?",
        "I'll die of embarrassment if I cry in the chair, is there a private room?",
        "I'm going to die of boredom sitting there an hour, can I read?",
        "we'll all die laughing at my dad on ketamine",
        "I'll be dead tired after a night shift, can I still come in?",
        "if it wears off in a month I'll be dead broke",
        "if this doesn't work, is there a backup plan like ECT?",
        "sorry, my laptop battery is about to die, I'll come back later",
        "I take melatonin so I don't wake up at 3am, is that ok with ketamine?",
        "tengo una pistola de agua para mi hijo",
    })
    void figuresOfSpeechAndOrdinaryQuestionsAreNoCrisis(String text) {
        assertEquals(CrisisSignal.NONE, CrisisLexicon.detect(text), text);
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
        WordPieceTokenizer english = WordPieceTokenizer.fromClasspath();
        for (String word : List.of("myself", "suicide", "overdosing", "anymore", "medications", "unalive")) {
            for (String typo : oneEditTypos(word)) {
                if (english.isWord(typo)) {
                    continue; // an English word is never a typo ("medication")
                }
                String corrected = CrisisLexicon.correctTypos("i want to " + typo + " now");
                String fixed = corrected.split(" ")[3];
                assertTrue(CrisisLexicon.withinOneEdit(typo, fixed) && !fixed.equals(typo) || typo.length() < 5,
                        typo + " became " + fixed);
            }
        }
    }

    @Test
    void commonWordsNearALexiconWordAreLeftAsTheyAre() {
        assertEquals("giving away letters and filling forms",
                CrisisLexicon.correctTypos("giving away letters and filling forms"));
    }

    @Test
    void textWithoutATypoOfALexiconWordIsLeftAsItIs() {
        for (LabelledUtterance u : UtteranceFiles.development()) {
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
