package org.ketaminefaq.core.eligibility;

import java.util.Objects;

/**
 * What one rule found in the answers.
 *
 * <p>Example: {@code new Finding(ScreeningField.AGE, "under_18", Finding.Effect.RULES_OUT)}.
 *
 * @param field the answer the finding concerns
 * @param code a stable code; its text comes from the screening guide
 * @param effect how the finding weighs in the verdict
 */
public record Finding(ScreeningField field, String code, Effect effect) {

    /** How a finding weighs in the verdict. */
    public enum Effect {
        /** Makes the verdict {@link Verdict#NOT_SUITABLE}. */
        RULES_OUT,
        /** Makes the verdict {@link Verdict#NEEDS_CLINICIAN_REVIEW} unless something rules ketamine out. */
        NEEDS_REVIEW,
        /** Explains a {@link Verdict#MAY_BE_CANDIDATE}; left out of the other verdicts. */
        SUPPORTS,
        /** Shown with every verdict and changes none; brings the crisis resources. */
        NEEDS_SUPPORT_NOW
    }

    public Finding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effect, "effect");
    }
}
