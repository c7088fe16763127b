package org.ketaminefaq.chatbot.dialogue;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicPrice;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.TreatmentForm;

/** The clinic details an answer template can show and test for: {@code {phone}}, {@code "when": "has:phone"}. */
final class ClinicDetail {

    static final Set<String> PLACEHOLDERS = Set.of("clinic", "phone", "bookingUrl", "hours", "address",
            "insuranceNotes", "prices", "price", "emergency");

    private ClinicDetail() {
    }

    /** Whether a placeholder may only appear where the profile is known to have it. */
    static boolean needsCondition(String placeholder) {
        return !placeholder.equals("clinic") && !placeholder.equals("emergency");
    }

    /**
     * Whether a segment's condition, such as {@code has:phone} or {@code lacks:contact}, holds; {@code in:US} and
     * {@code outside:US} test the clinic's country ({@code crisis.country}), for words about one country's crisis
     * lines.
     */
    static boolean holds(String condition, ClinicKnowledge clinic, Optional<TreatmentForm> form) {
        if (condition.startsWith("in:") || condition.startsWith("outside:")) {
            boolean in = clinic.profile().crisis().country().equals(condition.substring(condition.indexOf(':') + 1));
            return condition.startsWith("in:") == in;
        }
        boolean has = condition.startsWith("has:");
        String detail = condition.substring(condition.indexOf(':') + 1);
        ClinicProfile p = clinic.profile();
        boolean present = switch (detail) {
            case "name" -> p.name().isPresent();
            case "phone" -> p.phone().isPresent();
            case "bookingUrl" -> p.bookingUrl().isPresent();
            case "hours" -> p.hours().isPresent();
            case "address" -> p.address().isPresent();
            case "insuranceNotes" -> p.insuranceNotes().isPresent();
            case "prices" -> !p.prices().isEmpty();
            case "price" -> form.flatMap(p::price).isPresent();
            case "contact" -> p.phone().isPresent() || p.bookingUrl().isPresent();
            default -> throw new IllegalArgumentException("unknown condition \"" + condition + "\"");
        };
        return has == present;
    }

    /** The text a clinic placeholder stands for; only called where {@link #holds} made sure it exists. */
    static String fill(String placeholder, ClinicKnowledge clinic, Optional<TreatmentForm> form) {
        ClinicProfile p = clinic.profile();
        return switch (placeholder) {
            case "clinic" -> clinic.clinicName();
            case "phone" -> p.phone().orElseThrow();
            case "bookingUrl" -> p.bookingUrl().orElseThrow();
            case "hours" -> p.hours().orElseThrow();
            case "address" -> p.address().orElseThrow();
            case "insuranceNotes" -> p.insuranceNotes().orElseThrow();
            case "emergency" -> clinic.emergencyNumber();
            case "prices" -> describe(p.prices(), p.currency());
            case "price" -> describe(List.of(form.flatMap(p::price).orElseThrow()), p.currency());
            default -> throw new IllegalArgumentException("unknown placeholder {" + placeholder + "}");
        };
    }

    private static String describe(List<ClinicPrice> prices, Currency currency) {
        return prices.stream().map(price -> {
            String text = "an " + price.form().label() + " costs " + QuantityFormat.money(price, currency);
            return price.note().map(note -> text + " (" + note + ")").orElse(text);
        }).collect(Collectors.joining(", and "));
    }
}
