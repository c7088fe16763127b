package org.ketaminefaq.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The unit of a {@link Quantity}.
 *
 * <p>Example: a cost range of 400 to 900 dollars has {@code Unit.USD}; a year such as 1970 has {@code CALENDAR_YEAR}.
 */
public enum Unit implements JsonEnum {
    USD("USD"),
    PERCENT("percent"),
    MINUTES("minutes"),
    HOURS("hours"),
    DAYS("days"),
    WEEKS("weeks"),
    MONTHS("months"),
    YEARS("years"),
    SESSIONS("sessions"),
    DOSES("doses"),
    CALENDAR_YEAR("calendar_year"),
    PEOPLE("people");

    private final String id;

    Unit(String id) {
        this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static Unit fromId(String id) {
        return JsonEnum.byId(Unit.class, id).orElseThrow(() -> new IllegalArgumentException(
                "unknown value \"" + id + "\"; expected one of " + JsonEnum.ids(Unit.class)));
    }
}
