package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {

    private static final WordPieceTokenizer OURS = WordPieceTokenizer.fromClasspath();

    /**
     * The same ids as Hugging Face's own tokenizer (through DJL, in tests only) on every labelled message and on
     * random text rich in accents, other scripts, emoji, punctuation, controls and odd white space.
     */
    @Test
    void givesTheSameIdsAsHuggingFacesTokenizer() throws IOException {
        System.setProperty("ai.djl.offline", "true");
        List<String> texts = new ArrayList<>();
        for (List<LabelledUtterance> set : List.of(UtteranceFiles.training(), UtteranceFiles.development(),
                UtteranceFiles.test())) {
            set.forEach(u -> texts.add("query: " + u.text()));
        }
        Random random = new Random(5);
        String alphabet = "aeiouKTMxyz  .,;:!?'\"()-_/\\$%&*#@éÉñÑüçßøœæ¿¡–—…“”‘’\t\n\r\u00a0\u2028\u200b\u0000\u0007"
                + "中文字漢кетаминαβγ🙂👍🏽❤️🥹🫠";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            texts.add(text.toString());
        }
        try (InputStream json = getClass().getClassLoader().getResourceAsStream(SentenceEncoder.TOKENIZER_RESOURCE);
             HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(json,
                     Map.of("truncation", "false", "padding", "false"))) {
            int compared = 0;
            for (String text : texts) {
                long[] expected = reference.encode(text).getIds();
                if (expected.length <= 512) {
                    assertArrayEquals(expected, OURS.encode(text, 512), text);
                    compared++;
                }
            }
            assertTrue(compared > 12_000, "compared " + compared);
        }
    }

    @Test
    void aLongTextKeepsItsFirstQuarterAndLastThreeQuartersOfTheBudget() {
        String words = String.join(" ", java.util.Collections.nCopies(200, "depression"));
        long[] ids = OURS.encode("first " + words + " last", 10);

        assertEquals(10, ids.length);
        long[] first = OURS.encode("first", 10);
        long[] last = OURS.encode("last", 10);
        assertEquals(first[1], ids[1], "the beginning is kept");
        assertEquals(last[1], ids[8], "the end is kept");
        assertEquals(first[0], ids[0]);
        assertEquals(first[2], ids[9], "[SEP] closes it");
    }

    @Test
    void anyTextHasAnEncodingWithinTheLimit() {
        for (String text : List.of("", " ", "\u0000", "🙂", "a".repeat(5_000), "ケタミン ".repeat(400))) {
            long[] ids = OURS.encode(text, 128);
            assertTrue(ids.length >= 2 && ids.length <= 128, Arrays.toString(ids));
        }
    }

    @Test
    void commonEnglishWordsAreWordsAndTyposAreNot() {
        assertTrue(OURS.isWord("giving"));
        assertTrue(OURS.isWord("letter"));
        assertEquals(false, OURS.isWord("myslef"));
    }

    @Test
    void aTokenizerThatIsNotUncasedBertIsRefusedWithWhatItIs() {
        String json = "{\"model\":{\"type\":\"BPE\",\"vocab\":{}},\"normalizer\":{\"type\":\"NFC\"}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.read(new java.io.ByteArrayInputStream(json.getBytes())));
        assertTrue(e.getMessage().contains("BPE"), e.getMessage());
    }
}
