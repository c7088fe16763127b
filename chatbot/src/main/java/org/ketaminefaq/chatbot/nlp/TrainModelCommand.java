package org.ketaminefaq.chatbot.nlp;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the n-gram and the semantic intent models on the training set, chooses the recognition policy on the
 * development set, and writes all three where the jar picks them up. The build runs it in the process-classes phase;
 * the server never trains.
 */
@Command(name = "train-intent-models", mixinStandardHelpOptions = true,
        description = "Trains the intent models and chooses their recognition policy on the development set.")
public final class TrainModelCommand implements Callable<Integer> {

    @Option(names = "--out", required = true,
            description = "The directory to write intents.bin, semantic-intents.bin, policy.properties and "
                    + "subtopics.bin to.")
    private Path out;

    @Option(names = "--native-dir", description = "Where ONNX Runtime's native library is unpacked "
            + "(default: ketamine-faq-native in the temporary directory).")
    private Path nativeDir = NativeLibraries.defaultDirectory();

    public static void main(String[] args) {
        int code = new CommandLine(new TrainModelCommand()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        QuietLibraries.apply();
        long start = System.nanoTime();
        NativeLibraries.prepare(nativeDir);
        try (SentenceEncoder encoder = SentenceEncoder.fromClasspath()) {
            List<LabelledUtterance> training = UtteranceFiles.training();
            List<float[]> embeddings = TrainedModels.embed(training, encoder);
            TrainedModels models = TrainedModels.train(training, embeddings, encoder);
            RecognitionPolicy policy = PolicySelector.choose(PolicySelector.Scored.of(UtteranceFiles.development(),
                    models.ngrams(), models.semantic(), true));
            Files.createDirectories(out);
            try (OutputStream model = Files.newOutputStream(out.resolve("intents.bin"))) {
                models.ngrams().save(model);
            }
            try (OutputStream model = Files.newOutputStream(out.resolve("semantic-intents.bin"))) {
                models.semantic().save(model);
            }
            try (OutputStream properties = Files.newOutputStream(out.resolve("policy.properties"))) {
                policy.save(properties);
            }
            SubtopicClassifier subtopics = SubtopicClassifier.train(
                    SubtopicClassifier.examples(SubtopicClassifier.TRAINING), embeddings,
                    SubtopicClassifier.examples(SubtopicClassifier.DEVELOPMENT), UtteranceFiles.development(), encoder);
            try (OutputStream model = Files.newOutputStream(out.resolve("subtopics.bin"))) {
                subtopics.save(model);
            }
            System.out.printf(Locale.ROOT, "Trained the intent models in %.1f s: %s; narrower questions from %.2f%n",
                    (System.nanoTime() - start) / 1e9, policy, subtopics.threshold());
        }
        return 0;
    }
}
