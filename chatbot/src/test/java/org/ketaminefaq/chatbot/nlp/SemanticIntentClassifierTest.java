package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SemanticIntentClassifierTest {

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
    void aSavedAndReloadedModelRanksExactlyTheSame() {
        SemanticIntentClassifier shipped = SemanticIntentClassifier.fromClasspath(encoder);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        shipped.save(bytes);
        SemanticIntentClassifier reloaded = SemanticIntentClassifier.load(new ByteArrayInputStream(bytes.toByteArray()),
                encoder);

        for (LabelledUtterance u : UtteranceFiles.development().subList(0, 200)) {
            float[] embedding = encoder.encode(u.text());
            assertEquals(shipped.rank(embedding), reloaded.rank(embedding), u.text());
        }
    }

    @Test
    void theSameMessagesAlwaysTrainTheSameModel() {
        QuietLibraries.apply();
        List<LabelledUtterance> some = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (LabelledUtterance u : UtteranceFiles.training().subList(0, 300)) {
            some.add(u);
            embeddings.add(encoder.encode(u.text()));
        }
        SemanticIntentClassifier first = SemanticIntentClassifier.train(some, embeddings, encoder);
        SemanticIntentClassifier second = SemanticIntentClassifier.train(some, embeddings, encoder);

        for (float[] embedding : embeddings.subList(0, 50)) {
            assertEquals(first.rank(embedding), second.rank(embedding));
        }
    }

    @Test
    void differentlyWordedQuestionsGetTheirIntent() {
        SemanticIntentClassifier shipped = SemanticIntentClassifier.fromClasspath(encoder);

        assertEquals(Intent.COST, shipped.rank("what would I be paying per visit").get(0).intent());
        assertEquals(Intent.SIDE_EFFECTS, shipped.rank("will I feel nauseous or dizzy afterwards").get(0).intent());
    }
}
