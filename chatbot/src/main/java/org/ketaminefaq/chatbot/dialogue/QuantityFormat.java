package org.ketaminefaq.chatbot.dialogue;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalDouble;
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
