package org.ketaminefaq.core;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a visitor is told about the cost of one form: the clinic's own price when its profile has one, the general
 * ranges from the sources otherwise.
 *
 * <pre>{@code
 * // pattern matching for instanceof: Java 16 and later (a pattern switch needs Java 21)
 * PriceInfo price = clinic.price(TreatmentForm.IV);
 * if (price instanceof PriceInfo.ClinicPriceInfo p) {
 *     show(p.clinicName() + ": " + p.price().min());
 * } else if (price instanceof PriceInfo.GeneralRanges g) {
 *     g.facts().forEach(f -> show(f.text()));
 * }
 * }</pre>
 */
public sealed interface PriceInfo {

    /** The form the price is for. */
    TreatmentForm form();

    /**
     * The clinic's own price.
     *
     * @param form the form
     * @param price the clinic's price
     * @param clinicName the clinic's name, or "this clinic" when the profile has none
     * @param currency the currency of the price
     */
    record ClinicPriceInfo(TreatmentForm form, ClinicPrice price, String clinicName, Currency currency)
            implements PriceInfo {
        public ClinicPriceInfo {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(clinicName, "clinicName");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /**
     * The general ranges the sources give, each with its own source; several when sources disagree. The sources
     * give prices in US dollars ({@link Unit#USD}); only amounts of money are here.
     *
     * @param form the form
     * @param facts the cost facts for the form, possibly empty when no source gives one
     */
    record GeneralRanges(TreatmentForm form, List<Fact> facts) implements PriceInfo {
        public GeneralRanges {
            Objects.requireNonNull(form, "form");
            facts = List.copyOf(facts);
        }
    }
}
