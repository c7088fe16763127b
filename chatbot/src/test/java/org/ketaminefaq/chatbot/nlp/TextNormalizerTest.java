package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HOW MUCH IS IT???                       | how much is it",
        "Hw much is Ketamin infusoin             | how much is ketamine infusion",
        "I can’t afford $$$                      | i can not afford dollars dollars dollars",
        "r u a bot                               | are you a bot",
        "I'm scared, I don't know                | i am scared i do not know",
        "Kétamine    thérapie                    | ketamine therapie",
        "ｋｅｔａｍｉｎｅ (full width)            | ketamine full width",
        "soooo tired                             | soo tired",
        "side affects??                          | side effects",
        "'quoted' words                          | quoted words",
        "IM shot vs IV                           | im shot vs iv",
    })
    void normalisesCaseUnicodePunctuationContractionsAndMisspellings(String input, String expected) {
        assertEquals(expected, TextNormalizer.normalize(input));
    }

    @Test
    void textWithoutWordsHasNoTokens() {
        assertArrayEquals(new String[0], TextNormalizer.tokens("?!... 🙂"));
        assertEquals("", TextNormalizer.normalize("   "));
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String once = TextNormalizer.normalize("Wht r the side affects of Spravto? I'm worried...");
        assertEquals(once, TextNormalizer.normalize(once));
    }
}
