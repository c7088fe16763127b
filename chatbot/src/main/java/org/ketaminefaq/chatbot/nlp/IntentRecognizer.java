package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what a message asks for. The crisis lexicon runs first and on its own; then two classifiers score every
 * intent, an OpenNLP model of word and character n-grams and an OpenNLP model of the message's sentence embedding,
 * and their probabilities are blended; a high enough probability of either crisis class makes the message a crisis
 * whatever else it says; then the confidence threshold, the margin and the rule for other named treatments decide
 * whether it is understood. A question about suicide as a topic is always answered, with crisis resources, never
 * turned away. Callable in-process; safe to share between threads.
 *
 * <pre>{@code
 * IntentRecognizer recognizer = IntentRecognizer.fromClasspath(SentenceEncoder.fromClasspath());
 * Recognition r = recognizer.recognize("how much does IV ketamine cost?");   // Understood(COST, 0.9..)
 * }</pre>
 */
public final class IntentRecognizer {

    /** How many "did you mean" suggestions a message that is not understood gets. */
    static final int SUGGESTIONS = 3;

    private final IntentClassifier ngrams;
    private final IntentClassifier semantic;
    private final RecognitionPolicy policy;
    private final boolean useLexicon;
    private final Optional<SubtopicClassifier> subtopics;

    private IntentRecognizer(IntentClassifier ngrams, IntentClassifier semantic, RecognitionPolicy policy,
                             boolean useLexicon, Optional<SubtopicClassifier> subtopics) {
        this.ngrams = Objects.requireNonNull(ngrams, "ngrams");
        this.semantic = Objects.requireNonNull(semantic, "semantic");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.useLexicon = useLexicon;
        this.subtopics = Objects.requireNonNull(subtopics, "subtopics");
    }

    private static IntentRecognizer shipped;

    /**
     * The product's recognizer, loaded once per process and shared by everything in it: the sentence-embedding
     * model holds about 150 MB of native memory, so one copy serves every clinic and conversation. ONNX Runtime's
     * native library is unpacked where {@link NativeLibraries#prepare} said, or in its default directory.
     *
     * @throws IllegalStateException naming what could not be loaded (the platform's native library, a model)
     */
    public static synchronized IntentRecognizer shipped() {
        if (shipped == null) {
            NativeLibraries.ensurePrepared();
            shipped = fromClasspath(SentenceEncoder.fromClasspath());
        }
        return shipped;
    }

    /** The product's recognizer: the models and policy of the build, with the crisis lexicon. */
    public static IntentRecognizer fromClasspath(SentenceEncoder encoder) {
        return new IntentRecognizer(OpenNlpIntentClassifier.fromClasspath(),
                SemanticIntentClassifier.fromClasspath(encoder), RecognitionPolicy.fromClasspath(), true,
                Optional.of(SubtopicClassifier.fromClasspath(encoder)));
    }

    /** A recognizer with the crisis lexicon in front of the two classifiers, and no model of narrower questions. */
    public static IntentRecognizer of(IntentClassifier ngrams, IntentClassifier semantic, RecognitionPolicy policy) {
        return new IntentRecognizer(ngrams, semantic, policy, true, Optional.empty());
    }

    /** A recognizer that trusts one classifier alone, as the evaluation's baseline does. */
    public static IntentRecognizer withoutLexicon(IntentClassifier classifier, RecognitionPolicy policy) {
        return new IntentRecognizer(classifier, classifier, policy, false, Optional.empty());
    }

    /** Names ketamine or the treatment itself, so that a question about it may sit beside someone else's crisis. */
    private static final Pattern NAMES_KETAMINE = Pattern.compile("\\b(ketamine|esketamine|spravato|ketamina"
            + "|infusion|infusions|nasal spray|(this|the|these|your) (treatment|treatments|therapy))\\b");

    /** Decides what {@code text} asks for; any text, empty or in any script, gets a decision. */
    public Recognition recognize(String text) {
        String cleaned = clean(text);
        String normalized = TextNormalizer.normalize(cleaned);
        Clues clues = Clues.of(cleaned, normalized, useLexicon);
        if (clues.crisis() == CrisisSignal.PERSONAL) {
            return decide(List.of(), clues, policy);
        }
        String asked = asked(cleaned, useLexicon);
        List<IntentScore> blended = rank(asked, asked.equals(cleaned) ? normalized : TextNormalizer.normalize(asked));
        Recognition decided = decide(blended, clues, policy);
        if (subtopics.isPresent() && decided instanceof Recognition.Understood u) {
            return u.withSubtopic(subtopics.get().subtopicOf(asked));
        }
        if (subtopics.isPresent() && decided instanceof Recognition.NotUnderstood n && !n.spanish()
                && !n.outOfScopeLikeliest()) {
            // unsure which topic, but the narrower question may still be plain ("what mg is a typical infusion")
            return n.withSubtopic(subtopics.get().subtopicOf(asked));
        }
        if (decided instanceof Recognition.Crisis c && c.concern() == Recognition.Concern.SOMEONE_ELSE
                && NAMES_KETAMINE.matcher(normalized).find()) {
            return alsoAsked(blended).map(c::withQuestion).orElse(c);
        }
        return decided;
    }

    /** The blended ranking of what a message asks ({@link #asked}), given also in normalised form. */
    private List<IntentScore> rank(String asked, String askedNormalized) {
        return policy.ngramWeight() == 1 ? ngrams.rank(asked, askedNormalized)
                : policy.ngramWeight() == 0 ? semantic.rank(asked, askedNormalized)
                : blend(ngrams.rank(asked, askedNormalized), semantic.rank(asked, askedNormalized),
                        policy.ngramWeight());
    }

    /**
     * The question a message about someone else's crisis also asks: the likeliest intent once the crisis classes are
     * set aside, when it is likely enough to be understood on its own.
     */
    private Optional<Recognition.Understood> alsoAsked(List<IntentScore> ranked) {
        double crisisClasses = ranked.stream()
                .filter(s -> s.intent() == Intent.CRISIS || s.intent() == Intent.SOMEONE_AT_RISK)
                .mapToDouble(IntentScore::confidence).sum();
        double rest = Math.max(1e-9, 1 - crisisClasses);
        return ranked.stream()
                .filter(s -> s.intent() != Intent.CRISIS && s.intent() != Intent.SOMEONE_AT_RISK)
                .findFirst()
                .filter(s -> s.intent().inScope() && s.confidence() / rest >= policy.threshold())
                .map(s -> new Recognition.Understood(s.intent(), s.confidence() / rest, true));
    }

    /**
     * What the classifiers read of a cleaned message: for the product, the question asked, without the clauses that
     * say what is not asked; for the baseline, the message as it is.
     */
    static String asked(String cleaned, boolean product) {
        return product ? Negation.focus(cleaned) : cleaned;
    }

    /**
     * What the rules see in a message besides the classifiers' scores.
     *
     * @param crisis what the crisis lexicon sees
     * @param spanish whether it is written in Spanish
     * @param otherTreatment whether it names another treatment and nothing of ketamine
     */
    record Clues(CrisisSignal crisis, boolean spanish, boolean otherTreatment) {

        static Clues of(String text, String normalized, boolean useLexicon) {
            return new Clues(useLexicon ? CrisisLexicon.detect(text) : CrisisSignal.NONE,
                    useLexicon && SpanishText.isSpanish(normalized), OtherTreatments.withoutKetamine(text));
        }
    }

    /** The decision for a blended ranking and the message's clues, under a policy (used to choose the policy). */
    static Recognition decide(List<IntentScore> ranked, Clues clues, RecognitionPolicy policy) {
        switch (clues.crisis()) {
            case PERSONAL:
                return new Recognition.Crisis(Recognition.Concern.SELF, true, clues.spanish());
            case SOMEONE_ELSE:
                return new Recognition.Crisis(Recognition.Concern.SOMEONE_ELSE, true, clues.spanish());
            default:
                break;
        }
        double crisis = 0;
        double someoneElse = 0;
        List<IntentScore> others = new ArrayList<>(ranked.size());
        for (IntentScore score : ranked) {
            if (score.intent() == Intent.CRISIS) {
                crisis = score.confidence();
            } else if (score.intent() == Intent.SOMEONE_AT_RISK) {
                someoneElse = score.confidence();
            } else {
                others.add(score);
            }
        }
        // after a denial the crisis classes read the denied words, so they decide nothing; resources still go with
        // the answer
        boolean denied = clues.crisis() == CrisisSignal.DENIED;
        boolean selfAtRisk = !denied && crisis >= policy.crisisThreshold();
        boolean otherAtRisk = !denied && someoneElse >= policy.someoneElseThreshold();
        if (selfAtRisk || otherAtRisk) {
            Recognition.Concern concern = selfAtRisk && (!otherAtRisk || crisis >= someoneElse)
                    ? Recognition.Concern.SELF : Recognition.Concern.SOMEONE_ELSE;
            return new Recognition.Crisis(concern, false, clues.spanish());
        }
        List<IntentScore> inScope = others.stream().filter(s -> s.intent().inScope()).toList();
        IntentScore top = others.get(0);
        double second = others.size() > 1 ? others.get(1).confidence() : 0;
        boolean topic = clues.crisis() == CrisisSignal.TOPIC || denied;
        boolean understood = top.intent().inScope() && top.confidence() >= policy.threshold()
                && top.confidence() - second >= policy.margin()
                && !(policy.otherTreatmentsOutOfScope() && clues.otherTreatment());
        if (clues.spanish()) {
            // the answers are in English: a Spanish message gets the Spanish notice, not a guess
            return new Recognition.NotUnderstood(inScope.get(0).confidence(), List.of(), true, false);
        }
        if (understood) {
            Optional<IntentScore> runnerUp = inScope.stream().filter(s -> s.intent() != top.intent()).findFirst();
            return new Recognition.Understood(top.intent(), top.confidence(), topic, Optional.empty(), runnerUp);
        }
        if (topic) {
            // a question about suicide is never turned away: the likeliest answer, with crisis resources
            return new Recognition.Understood(inScope.get(0).intent(), inScope.get(0).confidence(), true);
        }
        return new Recognition.NotUnderstood(inScope.get(0).confidence(),
                inScope.subList(0, Math.min(SUGGESTIONS, inScope.size())), false, top.intent() == Intent.OUT_OF_SCOPE);
    }

    /** The weighted average of two rankings, most likely first. */
    static List<IntentScore> blend(List<IntentScore> ngrams, List<IntentScore> semantic, double ngramWeight) {
        Map<Intent, Double> sum = new EnumMap<>(Intent.class);
        ngrams.forEach(s -> sum.merge(s.intent(), ngramWeight * s.confidence(), Double::sum));
        semantic.forEach(s -> sum.merge(s.intent(), (1 - ngramWeight) * s.confidence(), Double::sum));
        List<IntentScore> blended = new ArrayList<>(sum.size());
        sum.forEach((intent, p) -> blended.add(new IntentScore(intent, Math.min(1, p))));
        blended.sort(IntentScore.BEST_FIRST);
        return blended;
    }

    /**
     * Control characters become spaces and unpaired surrogates are dropped, so that what reaches the normaliser,
     * the lexicon and the tokenizer is well-formed text.
     */
    static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cleaned.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue;
            } else if (c == '\n') {
                cleaned.append(c);
            } else if (Character.isISOControl(c)) {
                cleaned.append(' ');
            } else {
                cleaned.append(c);
            }
        }
        return cleaned.toString().strip();
    }
}
