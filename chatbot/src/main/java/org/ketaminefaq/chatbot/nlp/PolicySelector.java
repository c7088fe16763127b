package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the {@link RecognitionPolicy} by measurement on a labelled set: the crisis threshold that catches the most
 * crisis examples with at most 1% false positives, then the confidence threshold and margin that, with at most 5% of
 * in-scope questions falling back, reach the accuracy (95%) and out-of-scope recall (90%) targets and, among those,
 * give the best in-scope accuracy plus out-of-scope recall.
 */
public final class PolicySelector {

    static final double MAX_CRISIS_FALSE_POSITIVES = 0.01;
    static final double MAX_FALSE_FALLBACK = 0.05;
    static final double MIN_ACCURACY = 0.95;
    static final double MIN_OUT_OF_SCOPE_RECALL = 0.90;

    /** The classifier's rankings and the lexicon's signals for a labelled set, computed once. */
    public record Scored(List<LabelledUtterance> gold, List<List<IntentScore>> rankings, List<CrisisSignal> signals) {

        /** Ranks every utterance with {@code classifier}; {@code lexicon} says whether the crisis lexicon runs. */
        public static Scored of(List<LabelledUtterance> gold, IntentClassifier classifier, boolean lexicon) {
            List<List<IntentScore>> rankings = new ArrayList<>();
            List<CrisisSignal> signals = new ArrayList<>();
            for (LabelledUtterance u : gold) {
                rankings.add(classifier.rank(u.text()));
                signals.add(lexicon ? CrisisLexicon.detect(TextNormalizer.normalize(u.text())) : CrisisSignal.NONE);
            }
            return new Scored(gold, rankings, signals);
        }

        /** The decisions under {@code policy}. */
        public List<Intent> decide(RecognitionPolicy policy) {
            List<Intent> decided = new ArrayList<>(gold.size());
            for (int i = 0; i < gold.size(); i++) {
                decided.add(signals.get(i) == CrisisSignal.PERSONAL ? Intent.CRISIS
                        : IntentRecognizer.decide(rankings.get(i), signals.get(i), policy).intent());
            }
            return decided;
        }

        /** The report under {@code policy}. */
        public EvaluationReport report(RecognitionPolicy policy) {
            return EvaluationReport.of(gold, decide(policy));
        }
    }

    private PolicySelector() {
    }

    /** The best policy for the scored set. */
    public static RecognitionPolicy choose(Scored scored) {
        double crisisThreshold = 1.0;
        double bestRecall = -1;
        for (int t = 100; t >= 5; t--) {
            EvaluationReport r = scored.report(new RecognitionPolicy(1.0, 0, t / 100.0));
            if (r.crisisFalsePositiveRate() <= MAX_CRISIS_FALSE_POSITIVES && r.crisisRecall() > bestRecall) {
                bestRecall = r.crisisRecall();
                crisisThreshold = t / 100.0;
            }
        }
        RecognitionPolicy best = new RecognitionPolicy(0, 0, crisisThreshold);
        double bestScore = -1;
        for (int t = 0; t <= 90; t += 2) {
            for (int m = 0; m <= 40; m += 2) {
                RecognitionPolicy candidate = new RecognitionPolicy(t / 100.0, m / 100.0, crisisThreshold);
                EvaluationReport r = scored.report(candidate);
                // first meet as many of the product's targets as possible, then do as well as possible on both
                int targetsMet = (r.inScopeAccuracy() >= MIN_ACCURACY ? 1 : 0)
                        + (r.outOfScopeRecall() >= MIN_OUT_OF_SCOPE_RECALL ? 1 : 0);
                double score = targetsMet * 10 + r.inScopeAccuracy() + r.outOfScopeRecall();
                if (r.inScopeFalseFallback() <= MAX_FALSE_FALLBACK && score > bestScore + 1e-9) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return best;
    }
}
