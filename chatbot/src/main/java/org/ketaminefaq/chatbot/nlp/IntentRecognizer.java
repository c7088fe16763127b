package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what a message asks for: the crisis lexicon first and on its own, then the classifier with its crisis
 * class, then the confidence threshold and margin. Callable in-process; safe to share between threads.
 *
 * <pre>{@code
 * IntentRecognizer recognizer = IntentRecognizer.fromClasspath();
 * Recognition r = recognizer.recognize("how much does IV ketamine cost?");   // Understood(COST, 0.9..)
 * }</pre>
 */
public final class IntentRecognizer {

    /** How many "did you mean" suggestions a message that is not understood gets. */
    static final int SUGGESTIONS = 3;

    private final IntentClassifier classifier;
    private final RecognitionPolicy policy;
    private final boolean useLexicon;

    private IntentRecognizer(IntentClassifier classifier, RecognitionPolicy policy, boolean useLexicon) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.useLexicon = useLexicon;
    }

    /** The product's recognizer: the model and policy trained during the build, with the crisis lexicon. */
    public static IntentRecognizer fromClasspath() {
        return of(OpenNlpIntentClassifier.fromClasspath(), RecognitionPolicy.fromClasspath());
    }

    /** A recognizer with the crisis lexicon in front of {@code classifier}. */
    public static IntentRecognizer of(IntentClassifier classifier, RecognitionPolicy policy) {
        return new IntentRecognizer(classifier, policy, true);
    }

    /** A recognizer that trusts the classifier alone, as the evaluation's baseline does. */
    public static IntentRecognizer withoutLexicon(IntentClassifier classifier, RecognitionPolicy policy) {
        return new IntentRecognizer(classifier, policy, false);
    }

    /** Decides what {@code text} asks for. */
    public Recognition recognize(String text) {
        return recognize(text, TextNormalizer.normalize(text));
    }

    /** Decides what {@code text} asks for, given its {@link TextNormalizer#normalize(String)} form. */
    public Recognition recognize(String text, String normalized) {
        CrisisSignal signal = useLexicon ? CrisisLexicon.detect(normalized) : CrisisSignal.NONE;
        if (signal == CrisisSignal.PERSONAL) {
            return new Recognition.Crisis(true);
        }
        return decide(classifier.rank(text, normalized), signal, policy);
    }

    /** The decision for a ranking the classifier already made, under a given policy (used to choose the policy). */
    static Recognition decide(List<IntentScore> ranked, CrisisSignal signal, RecognitionPolicy policy) {
        List<IntentScore> others = new ArrayList<>(ranked.size());
        for (IntentScore score : ranked) {
            if (score.intent() == Intent.CRISIS) {
                if (score.confidence() >= policy.crisisThreshold()) {
                    return new Recognition.Crisis(false);
                }
            } else {
                others.add(score);
            }
        }
        boolean topic = signal == CrisisSignal.TOPIC;
        IntentScore top = others.get(0);
        double second = others.size() > 1 ? others.get(1).confidence() : 0;
        if (top.intent() == Intent.OUT_OF_SCOPE || top.confidence() < policy.threshold()
                || top.confidence() - second < policy.margin()) {
            List<IntentScore> suggestions = others.stream().filter(s -> s.intent().inScope()).limit(SUGGESTIONS)
                    .toList();
            double best = others.stream().filter(s -> s.intent().inScope()).findFirst()
                    .map(IntentScore::confidence).orElse(0.0);
            return new Recognition.NotUnderstood(best, suggestions, topic);
        }
        return new Recognition.Understood(top.intent(), top.confidence(), topic);
    }
}
