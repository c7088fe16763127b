package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtherTreatmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"how many sessions of ECT do people need", "is TMS covered by insurance",
        "side effects of psilocybin", "does lithium cause weight gain"})
    void anotherTreatmentAloneIsFound(String text) {
        assertTrue(OtherTreatments.withoutKetamine(TextNormalizer.normalize(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"is ketamine better than ECT?", "can I keep taking my sertraline during the infusions?",
        "can I do it if I'm on Adderall?", "does it interact with lithium", "how much does it cost",
        "I tried TMS and SSRIs, would it help me?"})
    void aQuestionAboutKetamineOrTheVisitorsTreatmentIsNot(String text) {
        assertFalse(OtherTreatments.withoutKetamine(TextNormalizer.normalize(text)), text);
    }
}
