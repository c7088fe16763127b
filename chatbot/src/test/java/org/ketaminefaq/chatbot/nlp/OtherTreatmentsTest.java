package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtherTreatmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"how many sessions of ECT do people need", "is TMS covered by insurance",
        "side effects of psilocybin", "does lithium cause weight gain",
        "Stellate ganglion block for PTSD. Does it actually work or is it hype?"})
    void anotherTreatmentAloneIsFound(String text) {
        assertTrue(OtherTreatments.withoutKetamine(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"is ketamine better than ECT?", "can I keep taking my sertraline during the infusions?",
        "can I do it if I'm on Adderall?", "does it interact with lithium", "how much does it cost",
        "I tried TMS and SSRIs, would it help me?",
        "I've tried Lexapro, Wellbutrin and Effexor, and therapy for two years. What are the requirements to be "
            + "accepted as a patient?"})
    void aQuestionAboutKetamineOrTheVisitorsTreatmentIsNot(String text) {
        assertFalse(OtherTreatments.withoutKetamine(text), text);
    }
}
