package org.ketaminefaq.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How often a side effect happens, as a source rates it.
 *
 * <p>Example: nausea is {@code Frequency.COMMON}.
 */
public enum Frequency implements JsonEnum {
    COMMON("common"),
    UNCOMMON("uncommon"),
    RARE("rare");

    private final String id;

    Frequency(String id) {
        this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static Frequency fromId(String id) {
        return JsonEnum.byId(Frequency.class, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown value \"" + id + "\"; expected one of " + JsonEnum.ids(Frequency.class)));
    }
}
