package org.ketaminefaq.chatbot.dialogue;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.OptionalDouble;
import org.ketaminefaq.core.ClinicPrice;
import org.ketaminefaq.core.Quantity;
import org.ketaminefaq.core.Unit;

/**
 * Writes a figure from the knowledge base the way a visitor reads it: "$400 to $900 per infusion", "40 to 60 minutes",
 * "up to $6,800 per month", "from $400 per infusion". Always in US English, whatever the server's locale.
 */
final class QuantityFormat {

    private QuantityFormat() {
    }

    static String format(Quantity q) {
        String range;
        OptionalDouble min = q.min();
        OptionalDouble max = q.max();
        if (min.isPresent() && max.isPresent()) {
            range = min.getAsDouble() == max.getAsDouble() ? amount(min.getAsDouble(), q.unit())
                    : bare(min.getAsDouble(), q.unit()) + " to " + amount(max.getAsDouble(), q.unit());
        } else if (min.isPresent()) {
            range = "from " + amount(min.getAsDouble(), q.unit());
        } else {
            range = "up to " + amount(max.getAsDouble(), q.unit());
        }
        return q.per().map(per -> range + " per " + per.replace('_', ' ')).orElse(range);
    }

    /**
     * A clinic's price: "$450 to $550 per infusion", "$475.50 per infusion"; in another currency its code, as in
     * "CAD 450 to CAD 550 per infusion", since "$" alone would not say which dollar.
     */
    static String money(ClinicPrice price, Currency currency) {
        String range = price.min().compareTo(price.max()) == 0 ? money(price.min(), currency)
                : money(price.min(), currency) + " to " + money(price.max(), currency);
        return range + " per " + price.per().replace('_', ' ');
    }

    private static String money(BigDecimal amount, Currency currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        // cents only when there are some
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        String number = format.format(amount);
        return currency.getCurrencyCode().equals("USD") ? "$" + number : currency.getCurrencyCode() + " " + number;
    }

    /** The lower end of a range: "$400" but "40" for minutes, so that "40 to 60 minutes" reads naturally. */
    private static String bare(double value, Unit unit) {
        return switch (unit) {
            case USD -> "$" + number(value);
            case PERCENT -> number(value) + "%";
            default -> number(value);
        };
    }

    private static String amount(double value, Unit unit) {
        return switch (unit) {
            case USD -> "$" + number(value);
            case PERCENT -> number(value) + "%";
            case CALENDAR_YEAR -> String.valueOf((long) value);
            default -> number(value) + " " + unitWord(unit, value);
        };
    }

    private static String unitWord(Unit unit, double value) {
        String plural = unit.id().replace('_', ' ');
        if (unit == Unit.PEOPLE) {
            return value == 1 ? "person" : "people";
        }
        return value == 1 ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
