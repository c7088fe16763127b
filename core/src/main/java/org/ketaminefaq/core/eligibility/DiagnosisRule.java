package org.ketaminefaq.core.eligibility;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Ketamine is studied for the listed conditions; no diagnosis, or only "other", needs a clinician's look.
 */
public record DiagnosisRule() implements EligibilityRule {

    private static final Set<Diagnosis> LISTED = EnumSet.complementOf(EnumSet.of(Diagnosis.OTHER));

    @Override
    public Optional<Finding> check(ScreeningAnswers answers) {
        return answers.diagnoses().map(reported -> answers.hasAnyDiagnosis(LISTED)
                ? new Finding(ScreeningField.DIAGNOSES, "listed_diagnosis", Finding.Effect.SUPPORTS)
                : new Finding(ScreeningField.DIAGNOSES, "no_listed_diagnosis", Finding.Effect.NEEDS_REVIEW));
    }
}
