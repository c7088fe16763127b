package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recognizer the build trained, as a visitor meets it. */
class ShippedRecognizerTest {

    private static final IntentRecognizer SHIPPED = IntentRecognizer.shipped();

    @Test
    void plainQuestionsAreAnsweredAndOffTopicOnesAreNot() {
        assertEquals(Intent.COST, SHIPPED.recognize("how much does one infusion cost?").intent());
        assertEquals(Intent.SIDE_EFFECTS, SHIPPED.recognize("what are the side effects").intent());
        assertEquals(Intent.OUT_OF_SCOPE, SHIPPED.recognize("who won the football game last night").intent());
        assertEquals(Intent.OUT_OF_SCOPE, SHIPPED.recognize("how many sessions of ECT do people need").intent());
    }

    @Test
    void aCrisisOfEitherKindIsACrisis() {
        assertEquals(Recognition.Concern.SELF, assertInstanceOf(Recognition.Crisis.class,
                SHIPPED.recognize("i dont want to be here anymore")).concern());
        assertEquals(Recognition.Concern.SOMEONE_ELSE, assertInstanceOf(Recognition.Crisis.class,
                SHIPPED.recognize("my mom tried to kill herself last month, could ketamine help her?")).concern());
        assertInstanceOf(Recognition.Crisis.class, SHIPPED.recognize("quiero quitarme la vida"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I just want to know the price", "nobody would give me a straight answer on cost",
        "I'm not asking about the side effects, I'm asking about the cost", "this waitlist is killing me"})
    void everydayWordsThatSoundAlarmingAreNoCrisis(String text) {
        Recognition r = SHIPPED.recognize(text);
        assertFalse(r instanceof Recognition.Crisis, text + " -> " + r);
    }

    @Test
    void aQuestionAboutKetamineAndSuicideIsAnsweredWithResources() {
        Recognition.Understood u = assertInstanceOf(Recognition.Understood.class,
                SHIPPED.recognize("does ketamine help with suicidal thoughts?"));
        assertEquals(true, u.crisisTopic());
    }

    @Test
    void whatTheVisitorMeansAfterANegationIsWhatIsAnswered() {
        assertEquals(Intent.ONSET, SHIPPED.recognize(
                "I don't mean how long the session is, I mean how long until I feel better").intent());
    }
}
