package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.Comparator;

import java.util.List;
import java.util.Map;

/**
 * The figures of one recognizer on a labelled set: per-intent precision, recall and F1, the worst confusions, and
 * the rates the product's targets are stated in.
 */
public final class EvaluationReport {

    /** How many times one intent was taken for another. */
    public record Confusion(Intent expected, Intent decided, int count) {
    }

    /** Precision, recall and F1 of one intent, with how many examples it had. */
    public record IntentFigures(Intent intent, double precision, double recall, double f1, int support) {
    }

    private final int[][] counts = new int[Intent.values().length][Intent.values().length];

    private EvaluationReport() {
    }

    /** Counts decisions against the gold labels. */
    public static EvaluationReport of(List<LabelledUtterance> gold, List<Intent> decided) {
        EvaluationReport report = new EvaluationReport();
        for (int i = 0; i < gold.size(); i++) {
            report.counts[gold.get(i).intent().ordinal()][decided.get(i).ordinal()]++;
        }
        return report;
    }

    private int row(Intent expected) {
        int sum = 0;
        for (int c : counts[expected.ordinal()]) {
            sum += c;
        }
        return sum;
    }

    private int column(Intent decided) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[decided.ordinal()];
        }
        return sum;
    }

    private int count(Intent expected, Intent decided) {
        return counts[expected.ordinal()][decided.ordinal()];
    }

    /** Correct decisions among the in-scope examples (a fallback counts as wrong). */
    public double inScopeAccuracy() {
        int correct = 0;
        int total = 0;
        for (Intent i : Intent.values()) {
            if (i.inScope()) {
                correct += count(i, i);
                total += row(i);
            }
        }
        return ratio(correct, total);
    }

    /** Out-of-scope examples that were decided out of scope. */
    public double outOfScopeRecall() {
        return ratio(count(Intent.OUT_OF_SCOPE, Intent.OUT_OF_SCOPE), row(Intent.OUT_OF_SCOPE));
    }

    /** In-scope examples that were wrongly decided out of scope. */
    public double inScopeFalseFallback() {
        int fallbacks = 0;
        int total = 0;
        for (Intent i : Intent.values()) {
            if (i.inScope()) {
                fallbacks += count(i, Intent.OUT_OF_SCOPE);
                total += row(i);
            }
        }
        return ratio(fallbacks, total);
    }

    /** Crisis examples that were decided crisis. */
    public double crisisRecall() {
        return ratio(count(Intent.CRISIS, Intent.CRISIS), row(Intent.CRISIS));
    }

    /** Examples that are not crisis but were decided crisis, among all such examples. */
    public double crisisFalsePositiveRate() {
        int falsePositives = column(Intent.CRISIS) - count(Intent.CRISIS, Intent.CRISIS);
        int total = 0;
        for (Intent i : Intent.values()) {
            if (i != Intent.CRISIS) {
                total += row(i);
            }
        }
        return ratio(falsePositives, total);
    }

    /** Precision, recall and F1 for every intent with examples or decisions. */
    public List<IntentFigures> perIntent() {
        List<IntentFigures> figures = new ArrayList<>();
        for (Intent i : Intent.values()) {
            int support = row(i);
            if (support == 0 && column(i) == 0) {
                continue;
            }
            double precision = ratio(count(i, i), column(i));
            double recall = ratio(count(i, i), support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            figures.add(new IntentFigures(i, precision, recall, f1, support));
        }
        return figures;
    }

    /** The most frequent mistakes, most frequent first. */
    public List<Confusion> worstConfusions(int limit) {
        List<Confusion> all = new ArrayList<>();
        for (Intent expected : Intent.values()) {
            for (Intent decided : Intent.values()) {
                if (expected != decided && count(expected, decided) > 0) {
                    all.add(new Confusion(expected, decided, count(expected, decided)));
                }
            }
        }
        all.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(c -> c.expected().ordinal()).thenComparing(c -> c.decided().ordinal()));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** The targets the product is held to. */
    public Map<String, Boolean> targets() {
        Map<String, Boolean> met = new java.util.LinkedHashMap<>();
        met.put("in-scope accuracy >= 95%", inScopeAccuracy() >= 0.95);
        met.put("out-of-scope recall >= 90%", outOfScopeRecall() >= 0.90);
        met.put("in-scope false fallback <= 5%", inScopeFalseFallback() <= 0.05);
        met.put("crisis recall = 100%", crisisRecall() == 1.0);
        met.put("crisis false positives <= 1%", crisisFalsePositiveRate() <= 0.01);
        return met;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

}
