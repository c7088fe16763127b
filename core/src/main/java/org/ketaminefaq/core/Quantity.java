package org.ketaminefaq.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A figure from a source, kept as data: a range with a unit, and what it is counted per. A source that gives only
 * one end ("from $400", "up to $6,800") gives an open range with only {@code min} or only {@code max}.
 *
 * <p>Example: {@code Quantity.range(400, 900, Unit.USD, "infusion")} is what one source gives as the price of one IV
 * infusion; a single figure has {@code min == max}.
 *
 * @param min the lower end of the range, if the source gives one
 * @param max the upper end of the range, if the source gives one; at least {@code min}
 * @param unit what is counted
 * @param per what one figure is counted per, such as {@code "infusion"} or {@code "month"}; empty when nothing
 */
public record Quantity(OptionalDouble min, OptionalDouble max, Unit unit, Optional<String> per) {

    public Quantity {
        min = min == null ? OptionalDouble.empty() : min;
        max = max == null ? OptionalDouble.empty() : max;
        Objects.requireNonNull(unit, "unit");
        per = per == null ? Optional.empty() : per;
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("a quantity needs min, max or both");
        }
        if (min.isPresent() && max.isPresent() && !(min.getAsDouble() <= max.getAsDouble())) {
            throw new IllegalArgumentException("min must not be greater than max, but min was " + min.getAsDouble()
                    + " and max " + max.getAsDouble());
        }
    }

    /** A range counted per something, such as 400 to 900 USD per infusion. */
    public static Quantity range(double min, double max, Unit unit, String per) {
        return new Quantity(OptionalDouble.of(min), OptionalDouble.of(max), unit, Optional.of(per));
    }

    /** A range counted per nothing in particular, such as 40 to 60 minutes. */
    public static Quantity range(double min, double max, Unit unit) {
        return new Quantity(OptionalDouble.of(min), OptionalDouble.of(max), unit, Optional.empty());
    }

    /** Whether the range is a single figure. */
    public boolean isSingleValue() {
        return min.isPresent() && max.isPresent() && min.getAsDouble() == max.getAsDouble();
    }
}
