package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenNlpIntentClassifierTest {

    private static final List<LabelledUtterance> EVALUATION = UtteranceFiles.development();

    @Test
    void aSavedAndReloadedModelPredictsExactlyTheSame() {
        OpenNlpIntentClassifier shipped = OpenNlpIntentClassifier.fromClasspath();
        OpenNlpIntentClassifier reloaded = shipped.copyThroughBytes();

        for (LabelledUtterance u : EVALUATION) {
            assertEquals(shipped.rank(u.text()), reloaded.rank(u.text()), u.text());
        }
    }

    @Test
    void trainingIsDeterministicAndGivesTheShippedModel() {
        QuietLibraries.apply();
        OpenNlpIntentClassifier trained = OpenNlpIntentClassifier.train(UtteranceFiles.training(),
                OpenNlpIntentClassifier.Settings.tuned());
        OpenNlpIntentClassifier shipped = OpenNlpIntentClassifier.fromClasspath();

        for (LabelledUtterance u : EVALUATION.subList(0, 100)) {
            assertEquals(shipped.rank(u.text()), trained.rank(u.text()), u.text());
        }
    }

    @Test
    void confidencesAreAProbabilityDistributionSortedBestFirst() {
        List<IntentScore> ranked = OpenNlpIntentClassifier.fromClasspath().rank("is it covered by insurance");

        assertEquals(Intent.values().length, ranked.size());
        assertEquals(1.0, ranked.stream().mapToDouble(IntentScore::confidence).sum(), 1e-6);
        for (int i = 1; i < ranked.size(); i++) {
            assertEquals(true, ranked.get(i - 1).confidence() >= ranked.get(i).confidence());
        }
    }

    @Test
    void emptyOrPunctuationOnlyTextIsStillRanked() {
        assertEquals(Intent.values().length, OpenNlpIntentClassifier.fromClasspath().rank("?!").size());
    }
}
