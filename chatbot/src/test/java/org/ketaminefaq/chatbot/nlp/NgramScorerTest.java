package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.Test;

class NgramScorerTest {

    /** Bit for bit, on every training and evaluation message and on texts the model has never seen the like of. */
    @Test
    void scoresExactlyAsOpenNlpDoes() throws IOException {
        OpenNlpIntentClassifier.fromClasspath(); // registers the feature generators' package with OpenNLP
        DoccatModel model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenNlpIntentClassifier.MODEL_RESOURCE)) {
            model = new DoccatModel(in);
        }
        NgramScorer scorer = NgramScorer.of(model).orElseThrow();
        DocumentCategorizerME openNlp = new DocumentCategorizerME(model);

        List<String[]> inputs = new ArrayList<>();
        for (LabelledUtterance u : UtteranceFiles.training()) {
            inputs.add(TextNormalizer.tokens(u.text()));
        }
        for (LabelledUtterance u : UtteranceFiles.evaluation()) {
            inputs.add(TextNormalizer.tokens(u.text()));
        }
        inputs.add(new String[] {"<empty>"});
        inputs.add(new String[] {"qqqzx", "ketamine", "ketamine", "a", "\u00e9t\u00e9"});
        inputs.add(new String[] {"x"});
        for (int round = 0; round < 2; round++) { // the second round reads the kept n-grams of known words
            for (String[] tokens : inputs) {
                assertArrayEquals(openNlp.categorize(tokens), scorer.score(tokens), String.join(" ", tokens));
            }
        }
    }

    @Test
    void aModelOfOtherFeaturesIsLeftToOpenNlp() throws IOException {
        OpenNlpIntentClassifier baseline = OpenNlpIntentClassifier.train(UtteranceFiles.training().subList(0, 400),
                OpenNlpIntentClassifier.Settings.baseline());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        baseline.save(bytes);

        assertTrue(NgramScorer.of(new DoccatModel(new ByteArrayInputStream(bytes.toByteArray()))).isEmpty());
    }
}
