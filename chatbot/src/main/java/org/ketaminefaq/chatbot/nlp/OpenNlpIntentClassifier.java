package org.ketaminefaq.chatbot.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * An {@link IntentClassifier} backed by an OpenNLP document categorizer (maximum entropy).
 *
 * <pre>{@code
 * IntentClassifier classifier = OpenNlpIntentClassifier.fromClasspath();
 * IntentScore best = classifier.rank("how much is an infusion").get(0);   // COST, 0.9...
 * }</pre>
 *
 * <p>The model is shared; each thread gets its own categorizer, because OpenNLP does not document the categorizer
 * as thread-safe.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    /** Where the model trained during the build lies in the jar. */
    public static final String MODEL_RESOURCE = "ketamine-faq/model/intents.bin";

    /** How a model is trained: which features, how text is tokenised, and OpenNLP's parameters. */
    public record Settings(boolean fullFeatures, boolean normalize, int cutoff, int iterations) {

        /** The product's settings: normalised text, word 1-2-grams and character 3-5-grams, cutoff 1. */
        public static Settings tuned() {
            return new Settings(true, true, 1, 100);
        }

        /** The baseline: OpenNLP's bag of words on whitespace-split text, cutoff 1, nothing else. */
        public static Settings baseline() {
            return new Settings(false, false, 1, 100);
        }
    }

    static {
        // OpenNLP restores feature generators by class name only from packages registered here
        ExtensionLoader.registerAllowedPackage(WordNgramFeatures.class.getPackageName());
    }

    private final DoccatModel model;
    private final boolean normalize;
    private final Function<String, String[]> tokenizer;
    private final ThreadLocal<DocumentCategorizerME> categorizer;
    private final Intent[] intentOfOutcome;

    private OpenNlpIntentClassifier(DoccatModel model, boolean normalize) {
        this.model = Objects.requireNonNull(model, "model");
        this.normalize = normalize;
        this.tokenizer = normalize ? TextNormalizer::tokens : text -> text.strip().split("\\s+");
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        DocumentCategorizerME probe = new DocumentCategorizerME(model);
        this.intentOfOutcome = new Intent[probe.getNumberOfCategories()];
        for (int i = 0; i < intentOfOutcome.length; i++) {
            String id = probe.getCategory(i);
            intentOfOutcome[i] = Intent.byId(id).orElseThrow(() -> new IllegalStateException(
                    "the model has an unknown intent \"" + id + "\""));
        }
    }

    /** Trains a classifier; the same utterances and settings always give the same model. */
    public static OpenNlpIntentClassifier train(List<LabelledUtterance> utterances, Settings settings) {
        Function<String, String[]> tokenizer = settings.normalize() ? TextNormalizer::tokens
                : text -> text.strip().split("\\s+");
        List<DocumentSample> samples = utterances.stream()
                .map(u -> new DocumentSample(u.intent().id(), tokenizer.apply(u.text())))
                .filter(s -> s.getText().length > 0)
                .toList();
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        FeatureGenerator[] features = settings.fullFeatures()
                ? new FeatureGenerator[] {new WordNgramFeatures(), new CharNgramFeatures()}
                : new FeatureGenerator[] {new BagOfWordsFeatureGenerator()};
        try {
            DoccatModel model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params,
                    new DoccatFactory(features));
            return new OpenNlpIntentClassifier(model, settings.normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e);
        }
    }

    /** Loads a model saved by {@link #save(OutputStream)}; its text is normalised like the product's. */
    public static OpenNlpIntentClassifier load(InputStream in) {
        try {
            return new OpenNlpIntentClassifier(new DoccatModel(in), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the intent model", e);
        }
    }

    /** Loads the model that was trained during the build and ships in the jar. */
    public static OpenNlpIntentClassifier fromClasspath() {
        try (InputStream in = OpenNlpIntentClassifier.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not on the classpath; the build trains it in "
                        + "the process-classes phase (mvn package)");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MODEL_RESOURCE, e);
        }
    }

    /** Writes the model in OpenNLP's format. */
    public void save(OutputStream out) {
        try {
            model.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the intent model", e);
        }
    }

    /** The model's bytes, for a save/load round trip in memory. */
    public OpenNlpIntentClassifier copyThroughBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        save(bytes);
        return load(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Override
    public List<IntentScore> rank(String text) {
        return rankTokens(tokenizer.apply(text));
    }

    @Override
    public List<IntentScore> rank(String text, String normalized) {
        return normalize ? rankTokens(normalized.isEmpty() ? new String[0] : normalized.split(" ")) : rank(text);
    }

    private List<IntentScore> rankTokens(String[] tokens) {
        if (tokens.length == 0 || (tokens.length == 1 && tokens[0].isEmpty())) {
            tokens = new String[] {"<empty>"};
        }
        double[] probabilities = categorizer.get().categorize(tokens);
        List<IntentScore> scores = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            scores.add(new IntentScore(intentOfOutcome[i], Math.min(1, Math.max(0, probabilities[i]))));
        }
        scores.sort(IntentScore.BEST_FIRST);
        return scores;
    }
}
