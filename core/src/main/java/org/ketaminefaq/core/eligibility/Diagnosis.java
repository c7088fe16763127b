package org.ketaminefaq.core.eligibility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ketaminefaq.core.JsonEnum;

/**
 * A diagnosis a visitor reports in the screening.
 *
 * <p>Example: {@code Diagnosis.BIPOLAR_DEPRESSION.id()} is {@code "bipolar_depression"}.
 */
public enum Diagnosis implements JsonEnum {
    DEPRESSION("depression", true),
    BIPOLAR_DEPRESSION("bipolar_depression", true),
    ANXIETY("anxiety", true),
    PTSD("ptsd", true),
    OCD("ocd", true),
    CHRONIC_PAIN("chronic_pain", false),
    OTHER("other", false);

    private final String id;
    private final boolean treatedWithAntidepressants;

    Diagnosis(String id, boolean treatedWithAntidepressants) {
        this.id = id;
        this.treatedWithAntidepressants = treatedWithAntidepressants;
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Whether ketamine is usually considered for this diagnosis only after antidepressants have been tried, so that
     * fewer than two failed trials sends the screening to a clinician.
     */
    public boolean treatedWithAntidepressants() {
        return treatedWithAntidepressants;
    }

    @JsonCreator
    static Diagnosis fromId(String id) {
        return JsonEnum.byId(Diagnosis.class, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown diagnosis \"" + id + "\"; expected one of " + JsonEnum.ids(Diagnosis.class)));
    }
}
