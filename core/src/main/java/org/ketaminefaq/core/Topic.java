package org.ketaminefaq.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a fact is about.
 *
 * <p>Example: {@code kb.facts(Topic.SIDE_EFFECTS)} lists every side-effect fact with its sources.
 */
public enum Topic implements JsonEnum {
    WHAT_IS_KETAMINE("what_is_ketamine"),
    HISTORY("history"),
    MECHANISM("mechanism"),
    CONDITIONS("conditions"),
    EFFECTIVENESS("effectiveness"),
    ONSET("onset"),
    EFFECT_DURATION("effect_duration"),
    SESSION_LENGTH("session_length"),
    TREATMENT_COURSE("treatment_course"),
    COST("cost"),
    INSURANCE("insurance"),
    SESSION_EXPERIENCE("session_experience"),
    SIDE_EFFECTS("side_effects"),
    ADDICTION_RISK("addiction_risk"),
    SAFETY("safety"),
    CONTRAINDICATIONS("contraindications"),
    CANDIDATES("candidates"),
    FORMS("forms"),
    PREPARATION_AFTERCARE("preparation_aftercare"),
    THERAPY_INTEGRATION("therapy_integration"),
    LEGALITY("legality");

    private final String id;

    Topic(String id) {
        this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static Topic fromId(String id) {
        return JsonEnum.byId(Topic.class, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown value \"" + id + "\"; expected one of " + JsonEnum.ids(Topic.class)));
    }
}
