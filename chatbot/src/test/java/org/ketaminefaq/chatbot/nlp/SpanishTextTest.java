package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpanishTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"hola", "¿Cuánto cuesta una sesión de ketamina?", "¿La ketamina es legal en Estados Unidos?",
        "mi esposo tiene depresión, ¿le puede ayudar?", "gracias"})
    void spanishIsSpanish(String text) {
        assertTrue(SpanishText.isSpanish(TextNormalizer.normalize(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"how much is it", "is ketamina the spanish word for ketamine", "he has a plan", "se",
        "como", "I'm from Los Angeles, do you take Medi-Cal?", ""})
    void englishIsNot(String text) {
        assertFalse(SpanishText.isSpanish(TextNormalizer.normalize(text)), text);
    }
}
