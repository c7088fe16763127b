package org.ketaminefaq.core;

/**
 * The unit of a {@link Quantity}.
 *
 * <p>Example: a cost range of 400 to 900 dollars has {@code Unit.USD}; a year such as 1970 has {@code CALENDAR_YEAR}.
 */
public enum Unit implements JsonEnum {
    USD,
    PERCENT,
    MINUTES,
    HOURS,
    DAYS,
    WEEKS,
    MONTHS,
    YEARS,
    SESSIONS,
    DOSES,
    CALENDAR_YEAR,
    PEOPLE;

    @Override
    public String id() {
        // currency codes are upper case
        return this == USD ? name() : JsonEnum.super.id();
    }
}
