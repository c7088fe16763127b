package org.ketaminefaq.core.eligibility;

import java.util.List;
import java.util.Objects;
import org.ketaminefaq.core.Citation;

/**
 * One reason behind a verdict, in plain language, with the sources it rests on.
 *
 * <p>Example: {@code reason.field() == ScreeningField.AGE && reason.code().equals("under_18")}.
 *
 * @param field the screening answer it concerns
 * @param code a stable code, such as {@code under_18} or {@code not_answered}
 * @param text the reason as a visitor reads it
 * @param sources where the reason comes from; empty only when no fact stands behind it
 */
public record Reason(ScreeningField field, String code, String text, List<Citation> sources) {

    public Reason {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    }
}
