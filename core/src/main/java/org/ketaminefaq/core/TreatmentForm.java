package org.ketaminefaq.core;

/**
 * The ways ketamine is given.
 *
 * <p>Example: {@code kb.facts(Topic.COST, TreatmentForm.IV)} lists what the sources say an IV infusion costs.
 */
public enum TreatmentForm implements JsonEnum {
    IV("IV infusion"),
    IM("intramuscular (IM) injection"),
    NASAL_SPRAY("esketamine (Spravato) nasal spray"),
    ORAL("oral or sublingual ketamine");

    private final String label;

    TreatmentForm(String label) {
        this.label = label;
    }

    /** A plain-language name for visitors, such as "IV infusion". */
    public String label() {
        return label;
    }

}
