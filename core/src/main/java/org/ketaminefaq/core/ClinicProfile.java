package org.ketaminefaq.core;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts that belong to one clinic, layered over the general facts by {@link ClinicKnowledge}.
 * Immutable. The {@linkplain #defaultProfile() built-in default profile} makes no clinic-specific claims: no name,
 * contact, price or origin, and United States crisis resources.
 *
 * <pre>{@code
 * ClinicProfile clinic = ClinicProfile.load(Path.of("clinic.json"));
 * clinic.phone().ifPresent(phone -> System.out.println("Call us: " + phone));
 * }</pre>
 *
 * <p>In code, build one from the default:
 *
 * <pre>{@code
 * ClinicProfile clinic = ClinicProfile.builder()
 *         .name("Harbor Light Wellness")
 *         .phone("555-0142")
 *         .price(ClinicPrice.of(TreatmentForm.IV, 450, 550, "infusion"))
 *         .allowedOrigins("https://harborlight.example")
 *         .build();
 * }</pre>
 *
 * <p>A profile file is JSON with these fields, all optional but {@code crisis}:
 * {@code name, phone, bookingUrl, hours, address, prices: [{form, min, max, per, note}], formsOffered: [form],
 * insuranceNotes, allowedOrigins: ["https://clinic.example"], crisis: {country, emergencyNumber, resources:
 * [{name, contact, href}]}}.
 *
 * @param name the clinic's name
 * @param phone the phone number visitors call
 * @param bookingUrl where visitors book, an http(s) URL
 * @param hours opening hours, in words
 * @param address the street address
 * @param prices the clinic's own prices, at most one per form
 * @param formsOffered the forms the clinic offers; empty when the profile does not say
 * @param insuranceNotes what the clinic says about insurance
 * @param allowedOrigins the web origins whose pages may open a chat; empty allows any
 * @param crisis where a person in crisis is sent, for the clinic's country
 */
public record ClinicProfile(
        Optional<String> name,
        Optional<String> phone,
        Optional<String> bookingUrl,
        Optional<String> hours,
        Optional<String> address,
        List<ClinicPrice> prices,
        List<TreatmentForm> formsOffered,
        Optional<String> insuranceNotes,
        List<String> allowedOrigins,
        Crisis crisis) {

    static final String DEFAULT_PROFILE = KnowledgeBase.RESOURCE_DIR + "profiles/default.json";

    public ClinicProfile {
        name = orEmpty(name);
        phone = orEmpty(phone);
        bookingUrl = orEmpty(bookingUrl);
        hours = orEmpty(hours);
        address = orEmpty(address);
        insuranceNotes = orEmpty(insuranceNotes);
        prices = prices == null ? List.of() : List.copyOf(prices);
        formsOffered = formsOffered == null ? List.of() : List.copyOf(formsOffered);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        Objects.requireNonNull(crisis, "crisis");
        currencyOf(crisis.country());
        bookingUrl.ifPresent(url -> requireHttpUrl("bookingUrl", url));
        for (String origin : allowedOrigins) {
            requireOrigin(origin);
        }
        for (int i = 0; i < prices.size(); i++) {
            TreatmentForm form = prices.get(i).form();
            if (prices.subList(0, i).stream().anyMatch(p -> p.form() == form)) {
                throw new IllegalArgumentException("prices has two entries for form \"" + form.id()
                        + "\"; expected at most one per form");
            }
        }
    }

    /** The built-in profile that makes no clinic-specific claims. */
    public static ClinicProfile defaultProfile() {
        return DataFiles.readResource(DEFAULT_PROFILE, ClinicProfile.class);
    }

    /**
     * Loads and validates a profile file.
     *
     * @throws DataFileException naming the file, the JSON path and what was expected, when the file is missing, not
     *     JSON, has an unknown field, a wrong type, or a value that is not allowed
     */
    public static ClinicProfile load(Path file) {
        return DataFiles.read(Objects.requireNonNull(file, "file must not be null"), ClinicProfile.class);
    }

    /** Loads and validates a profile from a stream; {@code name} is the file name error messages give. */
    public static ClinicProfile load(String name, InputStream in) {
        Objects.requireNonNull(name, "name must not be null");
        return DataFiles.read(name, Objects.requireNonNull(in, "in must not be null"), ClinicProfile.class);
    }

    /**
     * A builder that starts from the {@linkplain #defaultProfile() default profile}: no clinic-specific claims, and
     * United States crisis resources until {@link Builder#crisis} says otherwise.
     */
    public static Builder builder() {
        return defaultProfile().toBuilder();
    }

    /** A builder that starts from this profile. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The currency of the clinic's prices: the currency of its country ({@code crisis.country}), such as USD. */
    public Currency currency() {
        return currencyOf(crisis.country());
    }

    private static Currency currencyOf(String country) {
        Currency currency = null;
        try {
            currency = Currency.getInstance(new Locale("", country));
        } catch (IllegalArgumentException notACountry) {
            // said below, with what was expected
        }
        if (currency == null) {
            throw new IllegalArgumentException("crisis.country \"" + country + "\" is not a country with a currency; "
                    + "expected an ISO 3166 code such as US, CA or GB");
        }
        return currency;
    }

    /** The clinic's own price for a form, if it has one. */
    public Optional<ClinicPrice> price(TreatmentForm form) {
        Objects.requireNonNull(form, "form must not be null");
        return prices.stream().filter(p -> p.form() == form).findFirst();
    }

    private static Optional<String> orEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
    }

    private static void requireHttpUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(field + " \"" + url + "\" must be an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " \"" + url + "\" is not a URL: " + e.getReason(), e);
        }
    }

    private static void requireOrigin(String origin) {
        requireHttpUrl("allowedOrigins", origin);
        URI uri = URI.create(origin);
        if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
            throw new IllegalArgumentException("allowedOrigins \"" + origin
                    + "\" must be an origin (scheme, host and optional port) with no path, such as https://clinic.example");
        }
    }

    /**
     * Where a person in crisis is sent.
     *
     * @param country the ISO country code the resources are for, such as {@code US}
     * @param emergencyNumber the emergency phone number, such as {@code 911}
     * @param resources the crisis lines, at least one
     */
    public record Crisis(String country, String emergencyNumber, List<CrisisResource> resources) {

        public Crisis {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(emergencyNumber, "emergencyNumber");
            Objects.requireNonNull(resources, "resources");
            if (resources.isEmpty()) {
                throw new IllegalArgumentException("crisis.resources must list at least one crisis line");
            }
            resources = List.copyOf(resources);
        }
    }

    /**
     * Collects a profile's fields; {@link #build()} checks them as a profile file is checked. Not thread-safe.
     */
    public static final class Builder {

        private String name;
        private String phone;
        private String bookingUrl;
        private String hours;
        private String address;
        private final List<ClinicPrice> prices;
        private List<TreatmentForm> formsOffered;
        private String insuranceNotes;
        private List<String> allowedOrigins;
        private Crisis crisis;

        private Builder(ClinicProfile start) {
            name = start.name.orElse(null);
            phone = start.phone.orElse(null);
            bookingUrl = start.bookingUrl.orElse(null);
            hours = start.hours.orElse(null);
            address = start.address.orElse(null);
            prices = new ArrayList<>(start.prices);
            formsOffered = start.formsOffered;
            insuranceNotes = start.insuranceNotes.orElse(null);
            allowedOrigins = start.allowedOrigins;
            crisis = start.crisis;
        }

        /** The clinic's name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The phone number visitors call. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Where visitors book, an http(s) URL. */
        public Builder bookingUrl(String bookingUrl) {
            this.bookingUrl = bookingUrl;
            return this;
        }

        /** Opening hours, in words. */
        public Builder hours(String hours) {
            this.hours = hours;
            return this;
        }

        /** The street address. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** The clinic's own price for one form; replaces an earlier price for the same form. */
        public Builder price(ClinicPrice price) {
            Objects.requireNonNull(price, "price must not be null");
            prices.removeIf(p -> p.form() == price.form());
            prices.add(price);
            return this;
        }

        /** The forms the clinic offers; none at all means the profile does not say. */
        public Builder formsOffered(TreatmentForm... forms) {
            this.formsOffered = List.of(Objects.requireNonNull(forms, "forms must not be null"));
            return this;
        }

        /** What the clinic says about insurance. */
        public Builder insuranceNotes(String insuranceNotes) {
            this.insuranceNotes = insuranceNotes;
            return this;
        }

        /** The web origins whose pages may open a chat, such as {@code https://clinic.example}; none allows any. */
        public Builder allowedOrigins(String... origins) {
            this.allowedOrigins = List.of(Objects.requireNonNull(origins, "origins must not be null"));
            return this;
        }

        /** Where a person in crisis is sent, for the clinic's country. */
        public Builder crisis(Crisis crisis) {
            this.crisis = Objects.requireNonNull(crisis, "crisis must not be null");
            return this;
        }

        /**
         * The profile.
         *
         * @throws IllegalArgumentException naming the field, as for a profile file: a booking URL that is not
         *     http(s), an origin with a path, two prices for one form
         */
        public ClinicProfile build() {
            return new ClinicProfile(Optional.ofNullable(name), Optional.ofNullable(phone),
                    Optional.ofNullable(bookingUrl), Optional.ofNullable(hours), Optional.ofNullable(address), prices,
                    formsOffered, Optional.ofNullable(insuranceNotes), allowedOrigins, crisis);
        }
    }
}
