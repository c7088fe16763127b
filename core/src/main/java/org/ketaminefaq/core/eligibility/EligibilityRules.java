package org.ketaminefaq.core.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.DataFileException;
import org.ketaminefaq.core.KnowledgeBase;

/**
 * The screening rules folded into one assessment. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * EligibilityRules rules = EligibilityRules.of(ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));
 * Assessment a = rules.assess(ScreeningAnswers.builder().age(17).build());
 * a.verdict();   // NOT_SUITABLE, with the reason "under_18" and its sources
 * }</pre>
 *
 * <p>The verdict is {@link Verdict#NOT_SUITABLE} when any answer rules ketamine out (one reason per such answer);
 * otherwise {@link Verdict#NEEDS_CLINICIAN_REVIEW} when an answer is missing or unclear (one reason each); otherwise
 * {@link Verdict#MAY_BE_CANDIDATE}. Reported suicidal thoughts change no verdict: they add a reason and the crisis
 * resources to every one.
 */
public final class EligibilityRules {

    /** The rules in the order their reasons are listed. */
    public static final List<EligibilityRule> STANDARD = standardRules();

    private final List<EligibilityRule> rules;
    private final KnowledgeBase kb;
    private final List<CrisisResource> crisisResources;

    private EligibilityRules(List<EligibilityRule> rules, KnowledgeBase kb, List<CrisisResource> crisisResources) {
        this.rules = List.copyOf(rules);
        this.kb = Objects.requireNonNull(kb, "kb");
        this.crisisResources = List.copyOf(crisisResources);
        if (this.crisisResources.isEmpty()) {
            throw new IllegalArgumentException("crisisResources must not be empty: a screening can call for them");
        }
        checkEveryCodeHasText();
    }

    /** The standard rules, with reason texts from the knowledge base and the clinic's crisis resources. */
    public static EligibilityRules of(ClinicKnowledge clinic) {
        Objects.requireNonNull(clinic, "clinic must not be null");
        return new EligibilityRules(STANDARD, clinic.knowledgeBase(), clinic.crisisResources());
    }

    /** The standard rules with reason texts from {@code kb} and the given crisis resources. */
    public static EligibilityRules of(KnowledgeBase kb, List<CrisisResource> crisisResources) {
        return new EligibilityRules(STANDARD, Objects.requireNonNull(kb, "kb must not be null"), Objects.requireNonNull(crisisResources, "crisisResources must not be null"));
    }

    /** Assesses one visitor's answers. */
    public Assessment assess(ScreeningAnswers answers) {
        Objects.requireNonNull(answers, "answers must not be null");
        List<Finding> findings = rules.stream().map(rule -> rule.check(answers)).flatMap(Optional::stream).toList();
        Verdict verdict = verdictOf(findings);
        List<Reason> reasons = findings.stream()
                .filter(f -> counts(f.effect(), verdict))
                .map(this::reasonFor)
                .toList();
        boolean needsSupport = findings.stream().anyMatch(f -> f.effect() == Finding.Effect.NEEDS_SUPPORT_NOW);
        return new Assessment(verdict, reasons, needsSupport ? crisisResources : List.of());
    }

    private static Verdict verdictOf(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.effect() == Finding.Effect.RULES_OUT)) {
            return Verdict.NOT_SUITABLE;
        }
        if (findings.stream().anyMatch(f -> f.effect() == Finding.Effect.NEEDS_REVIEW)) {
            return Verdict.NEEDS_CLINICIAN_REVIEW;
        }
        return Verdict.MAY_BE_CANDIDATE;
    }

    private static boolean counts(Finding.Effect effect, Verdict verdict) {
        return switch (effect) {
            case RULES_OUT -> verdict == Verdict.NOT_SUITABLE;
            case NEEDS_REVIEW -> verdict == Verdict.NEEDS_CLINICIAN_REVIEW;
            case SUPPORTS -> verdict == Verdict.MAY_BE_CANDIDATE;
            case NEEDS_SUPPORT_NOW -> true;
        };
    }

    private Reason reasonFor(Finding finding) {
        String text = kb.screening().reasonText(finding.code(), finding.field()).orElseThrow();
        List<String> factIds = kb.screening().question(finding.field()).orElseThrow().facts();
        List<Citation> sources = Citation.of(kb, factIds.stream()
                .map(id -> kb.fact(id).orElseThrow())
                .flatMap(fact -> fact.sources().stream())
                .toList());
        return new Reason(finding.field(), finding.code(), text, sources);
    }

    private void checkEveryCodeHasText() {
        for (String code : codes()) {
            if (kb.screening().reasons().stream().noneMatch(r -> r.code().equals(code))) {
                throw new DataFileException("screening.json", "$.reasons",
                        "has no text for reason code \"" + code + "\"; expected one entry per code the rules give");
            }
        }
    }

    /** Every reason code the standard rules can give. */
    public static List<String> codes() {
        List<String> codes = new ArrayList<>(List.of("under_18", "not_answered", "listed_diagnosis",
                "no_listed_diagnosis", "fewer_than_two_trials", "treatment_resistant", "suicidal_thoughts"));
        STANDARD.stream().filter(ContraindicationRule.class::isInstance)
                .map(r -> ((ContraindicationRule) r).code()).forEach(codes::add);
        return List.copyOf(codes);
    }

    private static List<EligibilityRule> standardRules() {
        List<EligibilityRule> rules = new ArrayList<>();
        rules.add(new MinimumAgeRule());
        Stream.of(
                new ContraindicationRule(ScreeningField.PREGNANT_OR_BREASTFEEDING, "pregnant_or_breastfeeding"),
                new ContraindicationRule(ScreeningField.UNCONTROLLED_HYPERTENSION, "uncontrolled_hypertension"),
                new ContraindicationRule(ScreeningField.HEART_CONDITION, "heart_condition"),
                new ContraindicationRule(ScreeningField.PSYCHOSIS_HISTORY, "psychosis_history"),
                new ContraindicationRule(ScreeningField.ACTIVE_SUBSTANCE_USE_DISORDER, "active_substance_use_disorder"),
                new ContraindicationRule(ScreeningField.KETAMINE_ALLERGY_OR_ABUSE, "ketamine_allergy_or_abuse"),
                new ContraindicationRule(ScreeningField.PORPHYRIA, "porphyria"),
                new ContraindicationRule(ScreeningField.DEMENTIA_OR_DELIRIUM, "dementia_or_delirium"),
                new ContraindicationRule(ScreeningField.SEVERE_LIVER_DISEASE, "severe_liver_disease"))
                .forEach(rules::add);
        for (ScreeningField field : ScreeningField.values()) {
            if (field != ScreeningField.SUICIDAL_THOUGHTS) {
                rules.add(new UnansweredRule(field));
            }
        }
        rules.add(new DiagnosisRule());
        rules.add(new AntidepressantTrialsRule());
        rules.add(new SuicidalThoughtsRule());
        return List.copyOf(rules);
    }
}
