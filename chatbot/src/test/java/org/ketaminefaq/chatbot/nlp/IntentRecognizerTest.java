package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentRecognizerTest {

    private static final RecognitionPolicy POLICY = new RecognitionPolicy(0.5, 0.40, 0.10, 0.50, 0.50, true);

    /** A classifier that ranks every message the same way, so the decision alone is under test. */
    private static IntentClassifier fixed(Object... intentsAndScores) {
        List<IntentScore> scores = new ArrayList<>();
        for (int i = 0; i < intentsAndScores.length; i += 2) {
            scores.add(new IntentScore((Intent) intentsAndScores[i], (Double) intentsAndScores[i + 1]));
        }
        scores.sort(IntentScore.BEST_FIRST);
        return text -> scores;
    }

    /** Both classifiers agree, so the blend is what each says. */
    private static IntentRecognizer recognizer(Object... intentsAndScores) {
        IntentClassifier classifier = fixed(intentsAndScores);
        return IntentRecognizer.of(classifier, classifier, POLICY);
    }

    @Test
    void aConfidentClassificationIsUnderstood() {
        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class,
                recognizer(Intent.COST, 0.80, Intent.INSURANCE, 0.10).recognize("price?"));
        assertEquals(Intent.COST, u.intent());
        assertEquals(0.80, u.confidence(), 1e-9);
    }

    @Test
    void theTwoClassifiersAreBlendedByTheWeight() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.COST, 0.9, Intent.INSURANCE, 0.1),
                fixed(Intent.INSURANCE, 0.7, Intent.COST, 0.3), new RecognitionPolicy(0.25, 0.4, 0, 1, 1, false));

        // 0.25 x 0.1 + 0.75 x 0.7 = 0.55 for insurance, against 0.45 for cost
        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class, r.recognize("is it covered"));
        assertEquals(Intent.INSURANCE, u.intent());
        assertEquals(0.55, u.confidence(), 1e-9);
    }

    @Test
    void belowTheThresholdItIsOutOfScopeWithTheLikeliestIntentsAsSuggestions() {
        Recognition.NotUnderstood n = assertInstanceOf(Recognition.NotUnderstood.class,
                recognizer(Intent.COST, 0.30, Intent.OUT_OF_SCOPE, 0.25, Intent.INSURANCE, 0.20, Intent.BOOKING, 0.15,
                        Intent.GREETING, 0.10).recognize("hmm"));
        assertEquals(Intent.OUT_OF_SCOPE, n.intent());
        assertEquals(List.of(Intent.COST, Intent.INSURANCE, Intent.BOOKING),
                n.suggestions().stream().map(IntentScore::intent).toList());
    }

    @Test
    void twoIntentsTooCloseToCallAreOutOfScope() {
        Recognition.NotUnderstood n = assertInstanceOf(Recognition.NotUnderstood.class,
                recognizer(Intent.ONSET, 0.48, Intent.EFFECT_DURATION, 0.45).recognize("how long"));
        assertEquals(Intent.ONSET, n.suggestions().get(0).intent());
        assertEquals(Intent.EFFECT_DURATION, n.suggestions().get(1).intent());
    }

    @Test
    void aQuestionAboutAnotherTreatmentAloneIsOutOfScopeHoweverSureTheClassifierIs() {
        IntentRecognizer r = recognizer(Intent.TREATMENT_COURSE, 0.95, Intent.OUT_OF_SCOPE, 0.05);

        assertInstanceOf(Recognition.NotUnderstood.class, r.recognize("how many sessions of ECT do people need"));
        assertInstanceOf(Recognition.Understood.class, r.recognize("do people need more sessions of ketamine than ECT"));
    }

    @Test
    void theLexiconFindsACrisisHoweverSureTheClassifierIsOfSomethingElse() {
        Recognition.Crisis c = assertInstanceOf(Recognition.Crisis.class,
                recognizer(Intent.COST, 0.99, Intent.CRISIS, 0.01)
                        .recognize("how much is it, I've been thinking about ending my life"));
        assertTrue(c.byLexicon());
        assertEquals(Recognition.Concern.SELF, c.concern());
    }

    @Test
    void someoneElseAtRiskIsACrisisAboutThem() {
        Recognition.Crisis c = assertInstanceOf(Recognition.Crisis.class,
                recognizer(Intent.CONDITIONS_TREATED, 0.9).recognize("my dad keeps saying he wants to die"));
        assertEquals(Recognition.Concern.SOMEONE_ELSE, c.concern());
        assertEquals(Intent.SOMEONE_AT_RISK, c.intent());
    }

    @Test
    void theClassifiersCrisisClassesCountEvenWhenTheyAreNotOnTop() {
        assertEquals(Recognition.Concern.SELF, assertInstanceOf(Recognition.Crisis.class,
                recognizer(Intent.OUT_OF_SCOPE, 0.45, Intent.CRISIS, 0.55).recognize("it all feels pointless"))
                .concern());
        assertEquals(Recognition.Concern.SOMEONE_ELSE, assertInstanceOf(Recognition.Crisis.class,
                recognizer(Intent.OUT_OF_SCOPE, 0.40, Intent.SOMEONE_AT_RISK, 0.60).recognize("he is not okay"))
                .concern());
    }

    @Test
    void aQuestionAboutSuicidalThoughtsIsAnsweredWithCrisisResourcesAttached() {
        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class,
                recognizer(Intent.CONDITIONS_TREATED, 0.9, Intent.CRISIS, 0.05)
                        .recognize("does ketamine help with suicidal thoughts?"));
        assertTrue(u.crisisTopic());
    }

    @Test
    void aQuestionAboutSuicideIsNeverTurnedAwayEvenWhenUnsure() {
        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class,
                recognizer(Intent.OUT_OF_SCOPE, 0.6, Intent.EFFECTIVENESS, 0.3)
                        .recognize("what do studies say about suicide prevention"));
        assertEquals(Intent.EFFECTIVENESS, u.intent());
        assertTrue(u.crisisTopic());
    }

    @Test
    void afterADenialTheCrisisClassDecidesNothingAndResourcesStillGoWithTheAnswer() {
        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class,
                recognizer(Intent.CONTRAINDICATIONS, 0.45, Intent.CRISIS, 0.55)
                        .recognize("I'm not going to hurt myself, does it clash with my lamotrigine?"));
        assertEquals(Intent.CONTRAINDICATIONS, u.intent());
        assertTrue(u.crisisTopic());
    }

    @Test
    void aSpanishMessageIsNotGuessedAtButACrisisInSpanishIsACrisis() {
        IntentRecognizer r = recognizer(Intent.COST, 0.9);

        Recognition.NotUnderstood n = assertInstanceOf(Recognition.NotUnderstood.class,
                r.recognize("¿Cuánto cuesta una sesión de ketamina?"));
        assertTrue(n.spanish());
        Recognition.Crisis c = assertInstanceOf(Recognition.Crisis.class, r.recognize("no quiero vivir, ayúdame"));
        assertTrue(c.spanish());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u0000\u0007\u001b", "🙂🙂🙂", "кетамин стоимость", "ケタミン", "\ud800 lone"})
    void anyTextGetsADecision(String text) {
        Recognition r = recognizer(Intent.GREETING, 0.2, Intent.OUT_OF_SCOPE, 0.8).recognize(text);
        assertEquals(Intent.OUT_OF_SCOPE, r.intent());
    }

    @Test
    void cleaningDropsControlCharactersAndUnpairedSurrogatesAndKeepsTheRest() {
        assertEquals("how much \u00e9 🙂", IntentRecognizer.clean(" how\u0000much \u00e9 \ud800🙂\u0007 "));
        assertFalse(IntentRecognizer.clean("a\u001bb").contains("\u001b"));
    }
}
