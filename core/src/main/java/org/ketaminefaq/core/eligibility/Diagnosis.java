package org.ketaminefaq.core.eligibility;

import org.ketaminefaq.core.JsonEnum;

/**
 * A diagnosis a visitor reports in the screening.
 *
 * <p>Example: {@code Diagnosis.BIPOLAR_DEPRESSION.id()} is {@code "bipolar_depression"}.
 */
public enum Diagnosis implements JsonEnum {
    DEPRESSION(true),
    BIPOLAR_DEPRESSION(true),
    ANXIETY(true),
    PTSD(true),
    OCD(true),
    CHRONIC_PAIN(false),
    OTHER(false);

    private final boolean treatedWithAntidepressants;

    Diagnosis(boolean treatedWithAntidepressants) {
        this.treatedWithAntidepressants = treatedWithAntidepressants;
    }

    /**
     * Whether ketamine is usually considered for this diagnosis only after antidepressants have been tried, so that
     * fewer than two failed trials sends the screening to a clinician.
     */
    public boolean treatedWithAntidepressants() {
        return treatedWithAntidepressants;
    }
}
