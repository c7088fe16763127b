package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one recognizer on a labelled set: per-intent precision, recall and F1, accuracy by kind of message,
 * the worst confusions, and the rates the product's targets are stated in. A message is decided right when it gets
 * its intent (or, for a two-question message, the second one's), and a crisis of either kind when it gets a crisis
 * reply of either kind: both show crisis resources first.
 */
public final class EvaluationReport {

    /** How many times one intent was taken for another. */
    public record Confusion(Intent expected, Intent decided, int count) {
    }

    /** Precision, recall and F1 of one intent, with how many examples it had. */
    public record IntentFigures(Intent intent, double precision, double recall, double f1, int support) {
    }

    /** Accuracy over the messages with one note. */
    public record NoteFigures(String note, double accuracy, int support) {
    }

    private final List<LabelledUtterance> gold;
    private final List<Intent> decided;
    private final int[][] counts = new int[Intent.values().length][Intent.values().length];

    private EvaluationReport(List<LabelledUtterance> gold, List<Intent> decided) {
        this.gold = List.copyOf(gold);
        this.decided = List.copyOf(decided);
        for (int i = 0; i < gold.size(); i++) {
            counts[gold.get(i).intent().ordinal()][credited(i).ordinal()]++;
        }
    }

    /** Counts decisions against the gold labels. */
    public static EvaluationReport of(List<LabelledUtterance> gold, List<Recognition> decided) {
        if (gold.size() != decided.size()) {
            throw new IllegalArgumentException(gold.size() + " labelled messages but " + decided.size() + " decisions");
        }
        return new EvaluationReport(gold, decided.stream().map(Recognition::intent).toList());
    }

    /** The decision, or the gold intent when the decision was the message's second question. */
    private Intent credited(int i) {
        return gold.get(i).isAnsweredBy(decided.get(i)) ? gold.get(i).intent() : decided.get(i);
    }

    /** Whether message {@code i} was decided right (any crisis reply counts for either crisis kind). */
    public boolean isRight(int i) {
        Intent expected = gold.get(i).intent();
        return isCrisis(expected) ? isCrisis(decided.get(i)) : credited(i) == expected;
    }

    /** The decision for message {@code i}. */
    public Intent decided(int i) {
        return decided.get(i);
    }

    private static boolean isCrisis(Intent intent) {
        return intent == Intent.CRISIS || intent == Intent.SOMEONE_AT_RISK;
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

    /** Correct decisions among the in-scope examples (a fallback or a crisis reply counts as wrong). */
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

    /** The mean F1 over the in-scope intents. */
    public double macroF1() {
        return perIntent().stream().filter(f -> f.intent().inScope()).mapToDouble(IntentFigures::f1).average()
                .orElse(0);
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

    /** The visitor's own crises that got a crisis reply (either kind). */
    public double crisisRecall() {
        return ratio(count(Intent.CRISIS, Intent.CRISIS) + count(Intent.CRISIS, Intent.SOMEONE_AT_RISK),
                row(Intent.CRISIS));
    }

    /** Someone else at risk that got a crisis reply (either kind). */
    public double someoneElseRecall() {
        return ratio(count(Intent.SOMEONE_AT_RISK, Intent.SOMEONE_AT_RISK)
                + count(Intent.SOMEONE_AT_RISK, Intent.CRISIS), row(Intent.SOMEONE_AT_RISK));
    }

    /** Crisis messages of either kind whose reply was of the right kind (own or someone else's). */
    public double crisisKindAccuracy() {
        return ratio(count(Intent.CRISIS, Intent.CRISIS) + count(Intent.SOMEONE_AT_RISK, Intent.SOMEONE_AT_RISK),
                row(Intent.CRISIS) + row(Intent.SOMEONE_AT_RISK));
    }

    /** Messages that are no crisis of either kind but got a crisis reply, among all such messages. */
    public double crisisFalsePositiveRate() {
        int falsePositives = 0;
        int total = 0;
        for (Intent i : Intent.values()) {
            if (!isCrisis(i)) {
                falsePositives += count(i, Intent.CRISIS) + count(i, Intent.SOMEONE_AT_RISK);
                total += row(i);
            }
        }
        return ratio(falsePositives, total);
    }

    /** Messages noted {@code crisis_topic} (questions about suicide) that were turned away as out of scope. */
    public int crisisTopicsTurnedAway() {
        int count = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).notes().contains("crisis_topic") && decided.get(i) == Intent.OUT_OF_SCOPE) {
                count++;
            }
        }
        return count;
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

    /** Accuracy for each note the messages carry, in the order of the notes' names. */
    public List<NoteFigures> perNote() {
        Map<String, int[]> byNote = new TreeMap<>();
        for (int i = 0; i < gold.size(); i++) {
            for (String note : gold.get(i).notes()) {
                int[] rightAndAll = byNote.computeIfAbsent(note, n -> new int[2]);
                rightAndAll[0] += isRight(i) ? 1 : 0;
                rightAndAll[1]++;
            }
        }
        List<NoteFigures> figures = new ArrayList<>();
        byNote.forEach((note, c) -> figures.add(new NoteFigures(note, ratio(c[0], c[1]), c[1])));
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

    /** The targets the product is held to, and whether they are met. */
    public Map<String, Boolean> targets() {
        Map<String, Boolean> met = new LinkedHashMap<>();
        met.put("in-scope accuracy >= 95%", inScopeAccuracy() >= 0.95);
        met.put("out-of-scope recall >= 90%", outOfScopeRecall() >= 0.90);
        met.put("in-scope false fallback <= 5%", inScopeFalseFallback() <= 0.05);
        met.put("crisis recall = 100%", crisisRecall() == 1.0);
        met.put("someone-else-at-risk recall = 100%", someoneElseRecall() == 1.0);
        met.put("crisis false positives <= 1%", crisisFalsePositiveRate() <= 0.01);
        met.put("no question about suicide turned away", crisisTopicsTurnedAway() == 0);
        return met;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
