package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        NativeLibraries.ensurePrepared();
        encoder = SentenceEncoder.fromClasspath();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void twoWordingsOfOneQuestionLieCloserThanTwoQuestions() {
        float[] cost = encoder.encode("how much does one infusion cost?");
        float[] price = encoder.encode("what's the price of a single IV session");
        float[] sideEffects = encoder.encode("will it make me feel sick afterwards");

        assertTrue(SentenceEncoder.cosine(cost, price) > SentenceEncoder.cosine(cost, sideEffects) + 0.03,
                SentenceEncoder.cosine(cost, price) + " against " + SentenceEncoder.cosine(cost, sideEffects));
    }

    @Test
    void anEmbeddingHasUnitLengthAndIsTheSameEachTime() {
        float[] once = encoder.encode("is ketamine addictive");

        assertEquals(SentenceEncoder.DIMENSIONS, once.length);
        assertEquals(1.0, SentenceEncoder.cosine(once, once), 1e-5);
        assertArrayEquals(once, encoder.encode("is ketamine addictive"));
    }

    @Test
    void emptyAndVeryLongTextsHaveEmbeddings() {
        assertEquals(SentenceEncoder.DIMENSIONS, encoder.encode("").length);
        assertEquals(SentenceEncoder.DIMENSIONS, encoder.encode("why ".repeat(1_000)).length);
    }
}
