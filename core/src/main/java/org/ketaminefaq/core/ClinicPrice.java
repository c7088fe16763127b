package org.ketaminefaq.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A clinic's own price for one treatment form.
 *
 * <p>Example: {@code {"form":"iv","min":450,"max":450,"per":"infusion"}} in a profile file.
 *
 * @param form the treatment form
 * @param min the lowest price, in US dollars
 * @param max the highest price, at least {@code min}
 * @param per what one price is for, such as "infusion" or "month"
 * @param note anything the clinic adds, such as "package of six: $2,400"
 */
public record ClinicPrice(TreatmentForm form, double min, double max, String per, Optional<String> note) {

    public ClinicPrice {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(per, "per");
        note = note == null ? Optional.empty() : note;
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("price for \"" + form.id() + "\" must have 0 <= min <= max, but min was "
                    + min + " and max " + max);
        }
    }

    /** The price as a quantity in US dollars. */
    public Quantity amount() {
        return Quantity.range(min, max, Unit.USD, per);
    }
}
