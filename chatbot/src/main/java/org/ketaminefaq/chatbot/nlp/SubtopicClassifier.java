package org.ketaminefaq.chatbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import opennlp.tools.ml.model.MaxentModel;
import org.ketaminefaq.core.DataFileException;

/**
 * Finds the narrower question a message asks inside its topic ("will I remember any of it?" inside what a session is
 * like): an OpenNLP maximum-entropy model over the message's sentence embedding, trained on examples of each narrower
 * question and on the intents' training messages as "none of them", so that a question worded in ways no list of
 * words foresees is still found. It answers only above a probability chosen on the development set. Safe to share.
 *
 * <pre>{@code
 * SubtopicClassifier subtopics = SubtopicClassifier.fromClasspath(encoder);
 * subtopics.subtopicOf("will I be out cold or know what's going on?");   // Optional[remembering]
 * }</pre>
 */
public final class SubtopicClassifier {

    /** Where the model trained during the build lies in the jar. */
    public static final String MODEL_RESOURCE = "ketamine-faq/model/subtopics.bin";
    /** The examples of each narrower question, by job, as {@link UtteranceFiles}. */
    public static final String TRAINING = "ketamine-faq/subtopics/training.json";
    public static final String DEVELOPMENT = "ketamine-faq/subtopics/development.json";
    public static final String TEST = "ketamine-faq/subtopics/test.json";

    /** The outcome of a message that asks none of the narrower questions. */
    static final String NONE = "none";

    /** A message and the narrower question it asks ({@link #NONE} for none). */
    public record Example(String subtopic, String text) {
        public Example {
            Objects.requireNonNull(subtopic, "subtopic");
            Objects.requireNonNull(text, "text");
        }
    }

    private final MaxentModel model;
    private final double threshold;
    private final SentenceEncoder encoder;

    private SubtopicClassifier(MaxentModel model, double threshold, SentenceEncoder encoder) {
        this.model = Objects.requireNonNull(model, "model");
        this.threshold = threshold;
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /**
     * Trains on {@code examples} and the intents' training messages (as none of the narrower questions; their
     * embeddings are {@code trainingEmbeddings}), then chooses on the development sets the probability to answer
     * from: the one that finds the most of the narrower questions of {@code development} while giving one to at most
     * {@link #MAX_SHARE} of the intents' development messages. Most of those ask nothing narrower, so the share bounds
     * how often a general question gets a narrower answer; the words a message names ({@code SpecificQuestion}) find
     * the rest.
     */
    public static SubtopicClassifier train(List<Example> examples, List<float[]> trainingEmbeddings,
                                           List<Example> development, List<LabelledUtterance> developmentIntents,
                                           SentenceEncoder encoder) {
        List<String> outcomes = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (Example e : examples) {
            outcomes.add(e.subtopic());
            embeddings.add(encoder.encode(IntentRecognizer.clean(e.text())));
        }
        for (float[] embedding : trainingEmbeddings) {
            outcomes.add(NONE);
            embeddings.add(embedding);
        }
        MaxentModel model = SemanticIntentClassifier.trainMaxent(outcomes, embeddings);
        SubtopicClassifier unsure = new SubtopicClassifier(model, 0, encoder);
        return new SubtopicClassifier(model, unsure.chooseThreshold(development, developmentIntents), encoder);
    }

    /** At most this share of the intents' development messages may be given a narrower question by the model. */
    static final double MAX_SHARE = 0.03;

    private double chooseThreshold(List<Example> development, List<LabelledUtterance> developmentIntents) {
        List<Double> given = new ArrayList<>();
        for (LabelledUtterance u : developmentIntents) {
            given.add(best(IntentRecognizer.clean(u.text())).map(Scored::probability).orElse(0.0));
        }
        List<Double> rightFinds = new ArrayList<>();
        for (Example e : development) {
            best(IntentRecognizer.clean(e.text())).filter(s -> s.subtopic().equals(e.subtopic()))
                    .ifPresent(s -> rightFinds.add(s.probability()));
        }
        double best = 0.95;
        long bestFound = -1;
        for (int step = 95; step >= 5; step--) {
            double t = step / 100.0;
            long answered = given.stream().filter(p -> p >= t).count();
            if (answered > MAX_SHARE * given.size()) {
                break;
            }
            long found = rightFinds.stream().filter(p -> p >= t).count();
            if (found >= bestFound) {
                best = t;
                bestFound = found;
            }
        }
        return best;
    }

    private record Scored(String subtopic, double probability) {
    }

    /** The likeliest narrower question of a cleaned text, whatever its probability. */
    private Optional<Scored> best(String cleaned) {
        double[] p = SemanticIntentClassifier.eval(model, encoder.encode(cleaned));
        Scored top = null;
        for (int i = 0; i < p.length; i++) {
            String outcome = model.getOutcome(i);
            if (!outcome.equals(NONE) && (top == null || p[i] > top.probability())) {
                top = new Scored(outcome, p[i]);
            }
        }
        return Optional.ofNullable(top);
    }

    /**
     * The narrower question a message asks, when the model is sure enough; its id is that of the answers. The text is
     * as the recognizer reads it ({@link IntentRecognizer#clean}).
     */
    public Optional<String> subtopicOf(String cleaned) {
        return best(cleaned).filter(s -> s.probability() >= threshold).map(Scored::subtopic);
    }

    /** The probability from which a narrower question is answered. */
    public double threshold() {
        return threshold;
    }

    /** Writes the threshold and the model. */
    public void save(OutputStream out) {
        try {
            DataOutputStream data = new DataOutputStream(out);
            data.writeDouble(threshold);
            SemanticIntentClassifier.write(model, data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the subtopic model", e);
        }
    }

    /** Loads the model trained during the build. */
    public static SubtopicClassifier fromClasspath(SentenceEncoder encoder) {
        try (InputStream in = SubtopicClassifier.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not on the classpath; the build trains it in "
                        + "the process-classes phase (mvn package)");
            }
            DataInputStream data = new DataInputStream(in);
            double threshold = data.readDouble();
            return new SubtopicClassifier(SemanticIntentClassifier.read(data), threshold, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MODEL_RESOURCE, e);
        }
    }

    /** The examples of a file of {@code ketamine-faq-data}, such as {@link #TRAINING}. */
    public static List<Example> examples(String resource) {
        try (InputStream in = SubtopicClassifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataFileException(resource, "$", "not found on the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Example> examples = new ArrayList<>();
            JsonNode topics = root.path("subtopics");
            for (int i = 0; i < topics.size(); i++) {
                String id = topics.get(i).path("subtopic").asText("");
                if (id.isEmpty() || id.equals(NONE)) {
                    throw new DataFileException(resource, "$.subtopics[" + i + "].subtopic",
                            "expected the id of a narrower question, such as \"dose\"");
                }
                for (JsonNode text : topics.get(i).path("utterances")) {
                    examples.add(new Example(id, text.asText()));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
