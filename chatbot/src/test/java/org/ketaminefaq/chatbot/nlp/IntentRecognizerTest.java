package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentRecognizerTest {

    private static final RecognitionPolicy POLICY = new RecognitionPolicy(0.40, 0.10, 0.50);

    /** A classifier that ranks every message the same way, so the decision alone is under test. */
    private static IntentClassifier fixed(Object... intentsAndScores) {
        List<IntentScore> scores = new ArrayList<>();
        for (int i = 0; i < intentsAndScores.length; i += 2) {
            scores.add(new IntentScore((Intent) intentsAndScores[i], (Double) intentsAndScores[i + 1]));
        }
        return text -> scores;
    }

    @Test
    void aConfidentClassificationIsUnderstood() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.COST, 0.80, Intent.INSURANCE, 0.10), POLICY);

        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class, r.recognize("price?"));
        assertEquals(Intent.COST, u.intent());
        assertEquals(0.80, u.confidence());
    }

    @Test
    void belowTheThresholdItIsOutOfScopeWithTheLikeliestIntentsAsSuggestions() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.COST, 0.30, Intent.OUT_OF_SCOPE, 0.25,
                Intent.INSURANCE, 0.20, Intent.BOOKING, 0.15, Intent.GREETING, 0.10), POLICY);

        Recognition.NotUnderstood n = assertInstanceOf(Recognition.NotUnderstood.class, r.recognize("hmm"));
        assertEquals(Intent.OUT_OF_SCOPE, n.intent());
        assertEquals(List.of(Intent.COST, Intent.INSURANCE, Intent.BOOKING),
                n.suggestions().stream().map(IntentScore::intent).toList());
    }

    @Test
    void twoIntentsTooCloseToCallAreOutOfScope() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.ONSET, 0.48, Intent.EFFECT_DURATION, 0.45), POLICY);

        Recognition.NotUnderstood n = assertInstanceOf(Recognition.NotUnderstood.class, r.recognize("how long"));
        assertEquals(Intent.ONSET, n.suggestions().get(0).intent());
        assertEquals(Intent.EFFECT_DURATION, n.suggestions().get(1).intent());
    }

    @Test
    void theLexiconFindsACrisisHoweverSureTheClassifierIsOfSomethingElse() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.COST, 0.99, Intent.CRISIS, 0.01), POLICY);

        Recognition.Crisis c = assertInstanceOf(Recognition.Crisis.class,
                r.recognize("how much is it, I've been thinking about ending my life"));
        assertTrue(c.byLexicon());
    }

    @Test
    void theClassifiersCrisisClassCountsEvenWhenItIsNotOnTop() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.OUT_OF_SCOPE, 0.45, Intent.CRISIS, 0.55), POLICY);

        assertInstanceOf(Recognition.Crisis.class, r.recognize("it all feels pointless"));
    }

    @Test
    void aQuestionAboutSuicidalThoughtsIsAnsweredWithCrisisResourcesAttached() {
        IntentRecognizer r = IntentRecognizer.of(fixed(Intent.CONDITIONS_TREATED, 0.9, Intent.CRISIS, 0.05), POLICY);

        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class,
                r.recognize("does ketamine help with suicidal thoughts?"));
        assertTrue(u.crisisTopic());
    }

    @Test
    void theShippedRecognizerAnswersPlainQuestionsAndRefusesOffTopicOnes() {
        IntentRecognizer shipped = IntentRecognizer.fromClasspath();

        assertEquals(Intent.COST, shipped.recognize("how much does one infusion cost?").intent());
        assertEquals(Intent.SIDE_EFFECTS, shipped.recognize("what are the side effects").intent());
        assertEquals(Intent.OUT_OF_SCOPE, shipped.recognize("who won the football game last night").intent());
        assertEquals(Intent.CRISIS, shipped.recognize("i dont want to be here anymore").intent());
    }
}
