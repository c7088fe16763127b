package org.ketaminefaq.chatbot.nlp;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the product's recognizer, the n-gram recognizer alone (the design before the semantic stage) and a baseline
 * (OpenNLP bag of words, cutoff 1, no normalisation, no crisis lexicon) on the training set, chooses each one's policy
 * on the development set, and prints their figures on the test set side by side, with 5-fold cross-validation over
 * the training set. The test set only ever reports: nothing is chosen on it.
 */
@Command(name = "evaluate-intents", mixinStandardHelpOptions = true,
        description = "Trains, chooses thresholds on the development set, and reports on the test set next to a "
                + "baseline.")
public final class EvaluateCommand implements Callable<Integer> {

    /** The labelled sets the figures can be printed for. */
    enum Set { test, development }

    @Option(names = "--set", defaultValue = "test",
            description = "The set to report on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Set set;

    @Option(names = "--confusions", defaultValue = "12", description = "How many of the worst confusions to list.")
    private int confusions;

    @Option(names = "--show-errors", description = "Also list every message of the set the product got wrong.")
    private boolean showErrors;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds over the training set; 0 "
            + "skips it (default: ${DEFAULT-VALUE}).")
    private int folds;

    @Option(names = "--native-dir", description = "Where ONNX Runtime's native library is unpacked.")
    private java.nio.file.Path nativeDir = NativeLibraries.defaultDirectory();

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        int code = new CommandLine(new EvaluateCommand()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        QuietLibraries.apply();
        NativeLibraries.prepare(nativeDir);
        List<LabelledUtterance> training = UtteranceFiles.training();
        List<LabelledUtterance> development = UtteranceFiles.development();
        List<LabelledUtterance> reported = set == Set.test ? UtteranceFiles.test() : development;
        out.printf(Locale.ROOT, "Training set: %d messages; development set (thresholds chosen here): %d; "
                + "%s set (reported): %d%n%n", training.size(), development.size(), set, reported.size());

        try (SentenceEncoder encoder = SentenceEncoder.fromClasspath()) {
            List<float[]> embeddings = TrainedModels.embed(training, encoder);
            TrainedModels models = TrainedModels.train(training, embeddings, encoder);
            OpenNlpIntentClassifier bagOfWords = OpenNlpIntentClassifier.train(training,
                    OpenNlpIntentClassifier.Settings.baseline());

            Column product = Column.of("product", PolicySelector.Scored.of(development, models.ngrams(),
                    models.semantic(), true), PolicySelector.Scored.of(reported, models.ngrams(), models.semantic(),
                    true));
            Column ngrams = Column.of("n-grams", PolicySelector.Scored.of(development, models.ngrams(),
                    models.ngrams(), true), PolicySelector.Scored.of(reported, models.ngrams(), models.ngrams(), true));
            Column baseline = Column.of("baseline", PolicySelector.Scored.of(development, bagOfWords, bagOfWords,
                    false), PolicySelector.Scored.of(reported, bagOfWords, bagOfWords, false));
            List<Column> columns = List.of(product, ngrams, baseline);

            out.println("product:  crisis lexicon; OpenNLP n-grams (normalised text, word 1-2-grams, character "
                    + "3-5-grams) blended with OpenNLP maxent over e5-small-v2 sentence embeddings");
            out.println("n-grams:  the same without the semantic stage");
            out.println("baseline: OpenNLP bag of words on whitespace tokens, cutoff 1, no lexicon");
            columns.forEach(c -> out.println("  " + c.name + " policy (chosen on the development set): " + c.policy));
            out.println();
            printFigures(columns);
            printPerIntent(product.report, baseline.report);
            printPerNote(columns);
            printConfusions(product, baseline);
            if (showErrors) {
                printErrors(reported, product.report);
            }
            if (folds > 1) {
                printCrossValidation(training, embeddings, encoder, bagOfWords, product.policy);
            }
            out.println("Targets (product, " + set + " set):");
            for (Map.Entry<String, Boolean> target : product.report.targets().entrySet()) {
                out.printf(Locale.ROOT, "  [%s] %s%n", target.getValue() ? "met" : "MISSED", target.getKey());
            }
        }
        return 0;
    }

    /** One recognizer: its policy chosen on the development set and its report on the reported set. */
    private record Column(String name, RecognitionPolicy policy, EvaluationReport report) {
        static Column of(String name, PolicySelector.Scored development, PolicySelector.Scored reported) {
            RecognitionPolicy policy = PolicySelector.choose(development);
            return new Column(name, policy, reported.report(policy));
        }
    }

    private void printFigures(List<Column> columns) {
        out.printf(Locale.ROOT, "%-38s %9s %9s %9s%n", "figure (" + set + " set)", columns.get(0).name,
                columns.get(1).name, columns.get(2).name);
        figure(columns, "in-scope accuracy", EvaluationReport::inScopeAccuracy);
        figure(columns, "macro-F1 (in-scope intents, x100)", EvaluationReport::macroF1);
        figure(columns, "out-of-scope recall", EvaluationReport::outOfScopeRecall);
        figure(columns, "in-scope false fallback", EvaluationReport::inScopeFalseFallback);
        figure(columns, "crisis recall (own)", EvaluationReport::crisisRecall);
        figure(columns, "someone-else-at-risk recall", EvaluationReport::someoneElseRecall);
        figure(columns, "crisis replies of the right kind", EvaluationReport::crisisKindAccuracy);
        figure(columns, "crisis false-positive rate", EvaluationReport::crisisFalsePositiveRate);
        out.printf(Locale.ROOT, "%-38s %9d %9d %9d%n%n", "questions about suicide turned away",
                columns.get(0).report.crisisTopicsTurnedAway(), columns.get(1).report.crisisTopicsTurnedAway(),
                columns.get(2).report.crisisTopicsTurnedAway());
    }

    private void figure(List<Column> columns, String name, Function<EvaluationReport, Double> figure) {
        out.printf(Locale.ROOT, "%-38s %8.1f%% %8.1f%% %8.1f%%%n", name, figure.apply(columns.get(0).report) * 100,
                figure.apply(columns.get(1).report) * 100, figure.apply(columns.get(2).report) * 100);
    }

    private void printPerIntent(EvaluationReport ours, EvaluationReport base) {
        out.printf(Locale.ROOT, "%-22s %6s %6s %6s   %6s %6s %6s  %7s%n", "intent", "P", "R", "F1", "base P",
                "base R", "base F1", "support");
        List<EvaluationReport.IntentFigures> baseFigures = base.perIntent();
        for (EvaluationReport.IntentFigures f : ours.perIntent()) {
            EvaluationReport.IntentFigures b = baseFigures.stream().filter(x -> x.intent() == f.intent())
                    .findFirst().orElse(new EvaluationReport.IntentFigures(f.intent(), 0, 0, 0, 0));
            out.printf(Locale.ROOT, "%-22s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f  %7d%n", f.intent().id(),
                    f.precision(), f.recall(), f.f1(), b.precision(), b.recall(), b.f1(), f.support());
        }
        out.println();
    }

    private void printPerNote(List<Column> columns) {
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s  %7s%n", "kind of message", columns.get(0).name,
                columns.get(1).name, columns.get(2).name, "support");
        List<EvaluationReport.NoteFigures> n = columns.get(1).report.perNote();
        List<EvaluationReport.NoteFigures> b = columns.get(2).report.perNote();
        List<EvaluationReport.NoteFigures> p = columns.get(0).report.perNote();
        for (int i = 0; i < p.size(); i++) {
            out.printf(Locale.ROOT, "%-22s %8.1f%% %8.1f%% %8.1f%%  %7d%n", p.get(i).note(), p.get(i).accuracy() * 100,
                    n.get(i).accuracy() * 100, b.get(i).accuracy() * 100, p.get(i).support());
        }
        out.println();
    }

    private void printConfusions(Column product, Column baseline) {
        for (Column c : List.of(product, baseline)) {
            out.println("Worst confusions, " + c.name + " (expected -> decided: count):");
            for (EvaluationReport.Confusion x : c.report.worstConfusions(confusions)) {
                out.printf(Locale.ROOT, "  %s -> %s: %d%n", x.expected().id(), x.decided().id(), x.count());
            }
        }
        out.println();
    }

    private void printErrors(List<LabelledUtterance> reported, EvaluationReport report) {
        out.println("Messages the product got wrong (expected -> decided [notes]: text):");
        for (int i = 0; i < reported.size(); i++) {
            if (!report.isRight(i)) {
                LabelledUtterance u = reported.get(i);
                out.printf(Locale.ROOT, "  %s -> %s %s: %s%n", u.intent().id(), report.decided(i).id(), u.notes(),
                        u.text().replace('\n', ' '));
            }
        }
        out.println();
    }

    /**
     * Top-1 accuracy (every label, before any threshold) of the blended classifiers and of the baseline, each fold
     * trained on the other folds: a change that only fits one split of the data shows as a spread.
     */
    private void printCrossValidation(List<LabelledUtterance> training, List<float[]> embeddings,
                                      SentenceEncoder encoder, OpenNlpIntentClassifier unused,
                                      RecognitionPolicy policy) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(19));
        List<Double> ours = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledUtterance> trainPart = new ArrayList<>();
            List<float[]> trainEmbeddings = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                if (k % folds == fold) {
                    heldOut.add(i);
                } else {
                    trainPart.add(training.get(i));
                    trainEmbeddings.add(embeddings.get(i));
                }
            }
            TrainedModels models = TrainedModels.train(trainPart, trainEmbeddings, encoder);
            OpenNlpIntentClassifier bagOfWords = OpenNlpIntentClassifier.train(trainPart,
                    OpenNlpIntentClassifier.Settings.baseline());
            int right = 0;
            int baseRight = 0;
            for (int i : heldOut) {
                LabelledUtterance u = training.get(i);
                String text = IntentRecognizer.clean(u.text());
                List<IntentScore> blended = IntentRecognizer.blend(models.ngrams().rank(text),
                        models.semantic().rank(embeddings.get(i)), policy.ngramWeight());
                right += u.isAnsweredBy(blended.get(0).intent()) ? 1 : 0;
                baseRight += u.isAnsweredBy(bagOfWords.rank(text).get(0).intent()) ? 1 : 0;
            }
            ours.add((double) right / heldOut.size());
            base.add((double) baseRight / heldOut.size());
        }
        out.printf(Locale.ROOT, "%d-fold cross-validation over the training set, top-1 accuracy over all labels:%n",
                folds);
        out.printf(Locale.ROOT, "  product classifiers  mean %.1f%%, folds %s%n", mean(ours) * 100, percents(ours));
        out.printf(Locale.ROOT, "  baseline             mean %.1f%%, folds %s%n%n", mean(base) * 100, percents(base));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static String percents(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f%%", v * 100)).toList().toString();
    }
}
