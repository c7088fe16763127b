package org.ketaminefaq.core;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A clinic's own price for one treatment form, in the clinic's {@linkplain ClinicProfile#currency() currency}.
 * Amounts are {@link BigDecimal}s, as money should be: 450.50 stays 450.50.
 *
 * <p>Example: {@code {"form":"iv","min":450,"max":550,"per":"infusion"}} in a profile file, or in code
 * {@code ClinicPrice.of(TreatmentForm.IV, 450, 550, "infusion")}.
 *
 * @param form the treatment form
 * @param min the lowest price, 0 or more
 * @param max the highest price, at least {@code min}
 * @param per what one price is for, such as "infusion" or "month"
 * @param note anything the clinic adds, such as "package of six: $2,400"
 */
public record ClinicPrice(TreatmentForm form, BigDecimal min, BigDecimal max, String per, Optional<String> note) {

    /**
     * Checks the price.
     *
     * @throws IllegalArgumentException when {@code min} is below 0 or above {@code max}
     */
    public ClinicPrice {
        Objects.requireNonNull(form, "form must not be null");
        Objects.requireNonNull(min, "min must not be null");
        Objects.requireNonNull(max, "max must not be null");
        Objects.requireNonNull(per, "per must not be null");
        note = note == null ? Optional.empty() : note;
        if (min.signum() < 0 || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("price for \"" + form.id() + "\" must have 0 <= min <= max, but min was "
                    + min.toPlainString() + " and max " + max.toPlainString());
        }
    }

    /** A price in whole units of money, with no note: {@code ClinicPrice.of(TreatmentForm.IV, 450, 550, "infusion")}. */
    public static ClinicPrice of(TreatmentForm form, long min, long max, String per) {
        return new ClinicPrice(form, BigDecimal.valueOf(min), BigDecimal.valueOf(max), per, Optional.empty());
    }
}
