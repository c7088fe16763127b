package org.ketaminefaq.chatbot.nlp;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the intent model on the training set, chooses the recognition policy on the evaluation set, and writes
 * both where the jar picks them up. The build runs it in the process-classes phase.
 */
@Command(name = "train-intent-model", mixinStandardHelpOptions = true,
        description = "Trains the intent model and chooses its recognition policy.")
public final class TrainModelCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Where to write the model (policy.properties goes beside it).")
    private Path out;

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
        OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.train(UtteranceFiles.training(),
                OpenNlpIntentClassifier.Settings.tuned());
        RecognitionPolicy policy = PolicySelector.choose(
                PolicySelector.Scored.of(UtteranceFiles.evaluation(), classifier, true));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream model = Files.newOutputStream(out)) {
            classifier.save(model);
        }
        try (OutputStream properties = Files.newOutputStream(out.resolveSibling("policy.properties"))) {
            policy.save(properties);
        }
        System.out.printf(java.util.Locale.ROOT, "Trained the intent model in %.1f s: %s (%d bytes), %s%n",
                (System.nanoTime() - start) / 1e9, out.getFileName(), Files.size(out), policy);
        return 0;
    }
}
