package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminefaq.chatbot.nlp.TextNormalizer;
import org.ketaminefaq.core.eligibility.ScreeningField;

class ScreeningAnswerParserTest {

    private static ScreeningAnswerParser.Parsed parse(ScreeningField field, String text) {
        return ScreeningAnswerParser.parse(field, TextNormalizer.normalize(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HEART_CONDITION | not that I know of",
        "HEART_CONDITION | I don't think so",
        "HEART_CONDITION | my heart is fine",
        "UNCONTROLLED_HYPERTENSION | my blood pressure is fine",
        "UNCONTROLLED_HYPERTENSION | it's under control",
        "UNCONTROLLED_HYPERTENSION | I take pills for it and it's well controlled",
        "ACTIVE_SUBSTANCE_USE_DISORDER | nope",
        "PSYCHOSIS_HISTORY | never",
    })
    void noInTheWordsPeopleUse(String field, String text) {
        assertEquals(new ScreeningAnswerParser.Parsed.YesNo(false), parse(ScreeningField.valueOf(field), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not sure", "maybe", "prefer not to say", "I'm on meds for it", "I don't know"})
    void unsureOrTreatedLeavesTheQuestionForAClinician(String text) {
        assertInstanceOf(ScreeningAnswerParser.Parsed.Unsure.class,
                parse(ScreeningField.UNCONTROLLED_HYPERTENSION, text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "depression", "what about the price"})
    void whatDoesNotAnswerAYesOrNoQuestionIsNoAnswer(String text) {
        assertInstanceOf(ScreeningAnswerParser.Parsed.NotAnAnswer.class,
                parse(ScreeningField.PREGNANT_OR_BREASTFEEDING, text), text);
    }
}
