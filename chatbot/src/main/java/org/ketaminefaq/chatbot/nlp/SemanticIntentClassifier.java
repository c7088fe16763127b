package org.ketaminefaq.chatbot.nlp;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Scores every intent from a message's sentence embedding: an OpenNLP maximum-entropy model (trained with L-BFGS and
 * L2 regularisation) whose 384 real-valued features are the embedding's numbers, so messages that mean the same
 * thing in different words get the same intent. Safe to share between threads.
 *
 * <pre>{@code
 * SemanticIntentClassifier semantic = SemanticIntentClassifier.load(in, encoder);
 * IntentScore best = semantic.rank("what will I feel while it's going in?").get(0);   // SESSION_EXPERIENCE
 * }</pre>
 */
public final class SemanticIntentClassifier implements IntentClassifier {

    /** Where the model trained during the build lies in the jar. */
    public static final String MODEL_RESOURCE = "ketamine-faq/model/semantic-intents.bin";

    /** The L2 cost: chosen by 5-fold cross-validation on the training data (see the README). */
    static final double L2_COST = 0.01;
    private static final int ITERATIONS = 300;

    private static final String[] FEATURES = new String[SentenceEncoder.DIMENSIONS];

    static {
        for (int i = 0; i < FEATURES.length; i++) {
            FEATURES[i] = "e" + i;
        }
    }

    private final MaxentModel model;
    private final SentenceEncoder encoder;
    private final Intent[] intentOfOutcome;

    private SemanticIntentClassifier(MaxentModel model, SentenceEncoder encoder) {
        this.model = Objects.requireNonNull(model, "model");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.intentOfOutcome = new Intent[model.getNumOutcomes()];
        for (int i = 0; i < intentOfOutcome.length; i++) {
            String id = model.getOutcome(i);
            intentOfOutcome[i] = Intent.byId(id).orElseThrow(() -> new IllegalStateException(
                    "the semantic model has an unknown intent \"" + id + "\""));
        }
    }

    /**
     * Trains on the utterances' embeddings ({@code embeddings.get(i)} is that of {@code utterances.get(i)}); the same
     * input always gives the same model.
     */
    public static SemanticIntentClassifier train(List<LabelledUtterance> utterances, List<float[]> embeddings,
                                                 SentenceEncoder encoder) {
        if (utterances.size() != embeddings.size()) {
            throw new IllegalArgumentException(utterances.size() + " utterances but " + embeddings.size()
                    + " embeddings");
        }
        List<String> outcomes = utterances.stream().map(u -> u.intent().id()).toList();
        return new SemanticIntentClassifier(trainMaxent(outcomes, embeddings), encoder);
    }

    /**
     * An L-BFGS maximum-entropy model whose features are the embeddings' numbers ({@code outcomes.get(i)} is the
     * label of {@code embeddings.get(i)}); the same input always gives the same model.
     */
    static MaxentModel trainMaxent(List<String> outcomes, List<float[]> embeddings) {
        List<Event> events = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            events.add(new Event(outcomes.get(i), FEATURES, embeddings.get(i)));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(QNTrainer.L1COST_PARAM, 0.0);
        params.put(QNTrainer.L2COST_PARAM, L2_COST);
        params.put(QNTrainer.THREADS_PARAM, 1);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, new HashMap<>());
        try {
            return trainer.train(new CollectionObjectStream<>(events));
        } catch (IOException e) {
            throw new UncheckedIOException("training a model over sentence embeddings failed", e);
        }
    }

    /** The probability of each of {@code model}'s outcomes for an embedding. */
    static double[] eval(MaxentModel model, float[] embedding) {
        return model.eval(FEATURES, embedding);
    }

    /** Reads a model written by {@link #write}. */
    static MaxentModel read(InputStream in) throws IOException {
        return new GenericModelReader(new BinaryFileDataReader(new BufferedInputStream(in))).getModel();
    }

    /** Writes a model in OpenNLP's binary format. */
    static void write(MaxentModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        new GenericModelWriter((AbstractModel) model, data).persist();
        data.flush();
    }

    /** Loads a model saved by {@link #save(OutputStream)}. */
    public static SemanticIntentClassifier load(InputStream in, SentenceEncoder encoder) {
        try {
            return new SemanticIntentClassifier(read(in), encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the semantic intent model", e);
        }
    }

    /** Loads the model trained during the build. */
    public static SemanticIntentClassifier fromClasspath(SentenceEncoder encoder) {
        try (InputStream in = SemanticIntentClassifier.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not on the classpath; the build trains it in "
                        + "the process-classes phase (mvn package)");
            }
            return load(in, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MODEL_RESOURCE, e);
        }
    }

    /** Writes the model in OpenNLP's binary format. */
    public void save(OutputStream out) {
        try {
            write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the semantic intent model", e);
        }
    }

    @Override
    public List<IntentScore> rank(String text) {
        return rank(encoder.encode(text));
    }

    /** Every intent for an embedding the caller already has, most likely first. */
    public List<IntentScore> rank(float[] embedding) {
        double[] probabilities = eval(model, embedding);
        List<IntentScore> scores = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            scores.add(new IntentScore(intentOfOutcome[i], Math.min(1, Math.max(0, probabilities[i]))));
        }
        scores.sort(IntentScore.BEST_FIRST);
        return scores;
    }
}
