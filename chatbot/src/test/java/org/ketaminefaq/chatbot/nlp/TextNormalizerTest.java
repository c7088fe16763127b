package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    /**
     * The one-pass ASCII path splits text into the same tokens as the step-by-step path (which is the identity for
     * NFKC and accents on ASCII): checked on every training and evaluation message in ASCII, and on random ASCII
     * text rich in capitals, repeated letters, quotes, dollars, digits, controls and punctuation.
     */
    @Test
    void theOnePassAsciiPathSplitsLikeTheStepByStepOne() {
        List<String> texts = new ArrayList<>();
        UtteranceFiles.training().forEach(u -> texts.add(u.text()));
        UtteranceFiles.evaluation().forEach(u -> texts.add(u.text()));
        Random random = new Random(3);
        String alphabet = "aaAAkKeEtTmMiInNssS   $$%''``--?!.,;\t\n\r\f\u000b\u001c\u001f\u007f0123456789oOwW_";
        int corpus = texts.size();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                if (random.nextInt(6) == 0) {
                    String words = texts.get(random.nextInt(corpus));
                    text.append(words, 0, Math.min(words.length(), 1 + random.nextInt(8)));
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            texts.add(text.toString());
        }
        texts.add("aaa$$$bbb```ccc''' AAAAh 'x' $5");
        int checked = 0;
        for (String text : texts) {
            if (text.chars().allMatch(c -> c <= 127)) {
                List<String> stepByStep = TextNormalizer.foldedTokens(text).stream().filter(t -> !t.isEmpty())
                        .toList();
                assertEquals(stepByStep, TextNormalizer.asciiTokens(text), text);
                checked++;
            }
        }
        assertTrue(checked > 20_000, "checked " + checked);
    }
}
