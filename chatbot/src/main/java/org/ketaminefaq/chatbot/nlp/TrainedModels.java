package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two classifiers the product's recognizer blends, trained on the same labelled messages: the n-gram model and
 * the semantic model over the messages' embeddings. The same messages always give the same models.
 *
 * @param ngrams the word and character n-gram model
 * @param semantic the sentence-embedding model
 */
public record TrainedModels(OpenNlpIntentClassifier ngrams, SemanticIntentClassifier semantic) {

    public TrainedModels {
        Objects.requireNonNull(ngrams, "ngrams");
        Objects.requireNonNull(semantic, "semantic");
    }

    /** Trains both on {@code training}, embedding every message with {@code encoder}. */
    public static TrainedModels train(List<LabelledUtterance> training, SentenceEncoder encoder) {
        return train(training, embed(training, encoder), encoder);
    }

    /** Trains both, with the messages' embeddings already computed ({@code embeddings.get(i)} is message i's). */
    public static TrainedModels train(List<LabelledUtterance> training, List<float[]> embeddings,
                                      SentenceEncoder encoder) {
        return new TrainedModels(OpenNlpIntentClassifier.train(training, OpenNlpIntentClassifier.Settings.tuned()),
                SemanticIntentClassifier.train(training, embeddings, encoder));
    }

    /** The embedding of every message, in order. */
    public static List<float[]> embed(List<LabelledUtterance> utterances, SentenceEncoder encoder) {
        List<float[]> embeddings = new ArrayList<>(utterances.size());
        for (LabelledUtterance u : utterances) {
            embeddings.add(encoder.encode(IntentRecognizer.clean(u.text())));
        }
        return embeddings;
    }

    /** The recognizer these models make under a policy, with the crisis lexicon. */
    public IntentRecognizer recognizer(RecognitionPolicy policy) {
        return IntentRecognizer.of(ngrams, semantic, policy);
    }
}
