package org.ketaminefaq.core;

/**
 * What a fact is about.
 *
 * <p>Example: {@code kb.facts(Topic.SIDE_EFFECTS)} lists every side-effect fact with its sources.
 */
public enum Topic implements JsonEnum {
    WHAT_IS_KETAMINE,
    HISTORY,
    MECHANISM,
    CONDITIONS,
    EFFECTIVENESS,
    ONSET,
    EFFECT_DURATION,
    SESSION_LENGTH,
    TREATMENT_COURSE,
    COST,
    INSURANCE,
    SESSION_EXPERIENCE,
    SIDE_EFFECTS,
    ADDICTION_RISK,
    SAFETY,
    CONTRAINDICATIONS,
    CANDIDATES,
    FORMS,
    PREPARATION_AFTERCARE,
    THERAPY_INTEGRATION,
    LEGALITY;
}
