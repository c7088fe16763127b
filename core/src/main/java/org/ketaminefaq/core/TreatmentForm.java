package org.ketaminefaq.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The ways ketamine is given.
 *
 * <p>Example: {@code kb.facts(Topic.COST, TreatmentForm.IV)} lists what the sources say an IV infusion costs.
 */
public enum TreatmentForm implements JsonEnum {
    IV("iv", "IV infusion"),
    IM("im", "intramuscular (IM) injection"),
    NASAL_SPRAY("nasal_spray", "esketamine (Spravato) nasal spray"),
    ORAL("oral", "oral or sublingual ketamine");

    private final String id;
    private final String label;

    TreatmentForm(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }

    /** A plain-language name for visitors, such as "IV infusion". */
    public String label() {
        return label;
    }

    @JsonCreator
    static TreatmentForm fromId(String id) {
        return JsonEnum.byId(TreatmentForm.class, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown treatment form \"" + id + "\"; expected one of " + JsonEnum.ids(TreatmentForm.class)));
    }
}
