package org.ketaminefaq.core;

import java.util.Objects;

/**
 * A place a person in crisis can reach right now.
 *
 * <p>Example: {@code new CrisisResource("988 Suicide & Crisis Lifeline", "Call or text 988", "tel:988")}.
 *
 * @param name the service
 * @param contact how to reach it, in words
 * @param href a link that reaches it in one tap: {@code tel:}, {@code sms:} or {@code https:}
 */
public record CrisisResource(String name, String contact, String href) {

    public CrisisResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(href, "href");
        if (!(href.startsWith("tel:") || href.startsWith("sms:") || href.startsWith("https://"))) {
            throw new IllegalArgumentException("href \"" + href + "\" must start with tel:, sms: or https://");
        }
    }
}
