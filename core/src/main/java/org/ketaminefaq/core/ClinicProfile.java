package org.ketaminefaq.core;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
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
        return DataFiles.read(Objects.requireNonNull(name, "name must not be null"), Objects.requireNonNull(in, "in must not be null"), ClinicProfile.class);
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
}
