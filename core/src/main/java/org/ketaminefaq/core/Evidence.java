package org.ketaminefaq.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How strong the evidence is that ketamine helps a condition, as a source rates it.
 *
 * <p>Example: {@code fact.evidence()} is {@code Optional.of(Evidence.STRONG)} for treatment-resistant depression.
 */
public enum Evidence implements JsonEnum {
    STRONG("strong"),
    MODERATE_TO_STRONG("moderate_to_strong"),
    MODERATE("moderate"),
    EMERGING("emerging"),
    LIMITED("limited");

    private final String id;

    Evidence(String id) {
        this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static Evidence fromId(String id) {
        return JsonEnum.byId(Evidence.class, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown value \"" + id + "\"; expected one of " + JsonEnum.ids(Evidence.class)));
    }
}
