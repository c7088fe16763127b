package org.ketaminefaq.chatbot.nlp;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the product's recognizer and a baseline (OpenNLP bag of words, cutoff 1, no normalisation, no crisis
 * lexicon) on the same training set, and prints their figures on the held-out evaluation set side by side.
 */
@Command(name = "evaluate-intents", mixinStandardHelpOptions = true,
        description = "Trains, evaluates on the held-out set and prints the figures next to a baseline.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--confusions", defaultValue = "12", description = "How many of the worst confusions to list.")
    private int confusions;

    @Option(names = "--show-errors", description = "Also list every held-out example the product got wrong.")
    private boolean showErrors;

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
        List<LabelledUtterance> training = UtteranceFiles.training();
        List<LabelledUtterance> evaluation = UtteranceFiles.evaluation();
        out.printf(Locale.ROOT, "Training set: %d utterances; held-out evaluation set: %d utterances%n%n",
                training.size(), evaluation.size());

        PolicySelector.Scored product = PolicySelector.Scored.of(evaluation,
                OpenNlpIntentClassifier.train(training, OpenNlpIntentClassifier.Settings.tuned()), true);
        PolicySelector.Scored baseline = PolicySelector.Scored.of(evaluation,
                OpenNlpIntentClassifier.train(training, OpenNlpIntentClassifier.Settings.baseline()), false);
        RecognitionPolicy productPolicy = PolicySelector.choose(product);
        RecognitionPolicy baselinePolicy = PolicySelector.choose(baseline);
        EvaluationReport ours = product.report(productPolicy);
        EvaluationReport base = baseline.report(baselinePolicy);

        out.println("Product:  normalised text, word 1-2-grams + character 3-5-grams, cutoff 1, crisis lexicon");
        out.println("          policy " + productPolicy);
        out.println("Baseline: OpenNLP bag of words on whitespace tokens, cutoff 1, no lexicon");
        out.println("          policy " + baselinePolicy);
        out.println();
        out.printf(Locale.ROOT, "%-34s %9s %9s%n", "figure", "product", "baseline");
        row("in-scope accuracy", ours.inScopeAccuracy(), base.inScopeAccuracy());
        row("out-of-scope recall", ours.outOfScopeRecall(), base.outOfScopeRecall());
        row("in-scope false fallback", ours.inScopeFalseFallback(), base.inScopeFalseFallback());
        row("crisis recall", ours.crisisRecall(), base.crisisRecall());
        row("crisis false-positive rate", ours.crisisFalsePositiveRate(), base.crisisFalsePositiveRate());
        out.println();

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
        out.println("Worst confusions (expected -> decided: count), product:");
        for (EvaluationReport.Confusion c : ours.worstConfusions(confusions)) {
            out.printf(Locale.ROOT, "  %s -> %s: %d%n", c.expected().id(), c.decided().id(), c.count());
        }
        out.println("Worst confusions, baseline:");
        for (EvaluationReport.Confusion c : base.worstConfusions(confusions)) {
            out.printf(Locale.ROOT, "  %s -> %s: %d%n", c.expected().id(), c.decided().id(), c.count());
        }
        out.println();
        if (showErrors) {
            List<Intent> decided = product.decide(productPolicy);
            out.println("Held-out examples the product got wrong (expected -> decided: text):");
            for (int i = 0; i < evaluation.size(); i++) {
                if (decided.get(i) != evaluation.get(i).intent()) {
                    out.printf(Locale.ROOT, "  %s -> %s: %s%n", evaluation.get(i).intent().id(), decided.get(i).id(),
                            evaluation.get(i).text());
                }
            }
            out.println();
        }
        out.println("Targets (product):");
        for (Map.Entry<String, Boolean> target : ours.targets().entrySet()) {
            out.printf(Locale.ROOT, "  [%s] %s%n", target.getValue() ? "met" : "MISSED", target.getKey());
        }
        return 0;
    }

    private void row(String name, double ours, double base) {
        out.printf(Locale.ROOT, "%-34s %8.1f%% %8.1f%%%n", name, ours * 100, base * 100);
    }
}
