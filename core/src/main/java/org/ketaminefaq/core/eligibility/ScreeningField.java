package org.ketaminefaq.core.eligibility;

import org.ketaminefaq.core.JsonEnum;

/**
 * The questions of the eligibility screening, in the order a conversation asks them, each with the name it has in the
 * screening answers JSON.
 *
 * <p>Example: {@code ScreeningField.HEART_CONDITION.id()} is {@code "heartCondition"}.
 */
public enum ScreeningField implements JsonEnum {
    AGE("age", Kind.WHOLE_NUMBER),
    PREGNANT_OR_BREASTFEEDING("pregnantOrBreastfeeding", Kind.YES_NO),
    DIAGNOSES("diagnoses", Kind.DIAGNOSES),
    FAILED_ANTIDEPRESSANT_TRIALS("failedAntidepressantTrials", Kind.WHOLE_NUMBER),
    UNCONTROLLED_HYPERTENSION("uncontrolledHypertension", Kind.YES_NO),
    HEART_CONDITION("heartCondition", Kind.YES_NO),
    PSYCHOSIS_HISTORY("psychosisHistory", Kind.YES_NO),
    ACTIVE_SUBSTANCE_USE_DISORDER("activeSubstanceUseDisorder", Kind.YES_NO),
    KETAMINE_ALLERGY_OR_ABUSE("ketamineAllergyOrAbuse", Kind.YES_NO),
    PORPHYRIA("porphyria", Kind.YES_NO),
    DEMENTIA_OR_DELIRIUM("dementiaOrDelirium", Kind.YES_NO),
    SEVERE_LIVER_DISEASE("severeLiverDisease", Kind.YES_NO),
    SUICIDAL_THOUGHTS("suicidalThoughts", Kind.YES_NO);

    /** What kind of answer a field takes. */
    public enum Kind {
        /** A whole number, zero or more. */
        WHOLE_NUMBER,
        /** true or false. */
        YES_NO,
        /** A list of {@link Diagnosis} ids. */
        DIAGNOSES
    }

    private final String id;
    private final Kind kind;

    ScreeningField(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    @Override
    public String id() {
        return id;
    }

    /** What kind of answer this field takes. */
    public Kind kind() {
        return kind;
    }
}
