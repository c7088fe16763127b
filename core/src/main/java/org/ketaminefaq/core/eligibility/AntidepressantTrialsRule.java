package org.ketaminefaq.core.eligibility;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * For mood, anxiety and trauma conditions ketamine is considered once at least two antidepressants have not helped
 * enough ("treatment-resistant"); fewer needs a clinician's look.
 */
public record AntidepressantTrialsRule() implements EligibilityRule {

    static final int TREATMENT_RESISTANT_TRIALS = 2;

    private static final Set<Diagnosis> AFTER_ANTIDEPRESSANTS = EnumSet.noneOf(Diagnosis.class);

    static {
        for (Diagnosis d : Diagnosis.values()) {
            if (d.treatedWithAntidepressants()) {
                AFTER_ANTIDEPRESSANTS.add(d);
            }
        }
    }

    @Override
    public Optional<Finding> check(ScreeningAnswers answers) {
        if (!answers.hasAnyDiagnosis(AFTER_ANTIDEPRESSANTS)) {
            return Optional.empty();
        }
        return answers.failedAntidepressantTrials().map(trials -> trials < TREATMENT_RESISTANT_TRIALS
                ? new Finding(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS, "fewer_than_two_trials",
                        Finding.Effect.NEEDS_REVIEW)
                : new Finding(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS, "treatment_resistant",
                        Finding.Effect.SUPPORTS));
    }
}
