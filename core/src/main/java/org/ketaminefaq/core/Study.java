package org.ketaminefaq.core;

import java.util.Objects;

/**
 * A study in a source article's numbered reference list.
 *
 * <p>Example: {@code kb.source("003_1439dfc55acb4c08").orElseThrow().study(5)}.
 *
 * @param number its number in the article
 * @param citation authors, title, journal and year
 */
public record Study(int number, String citation) {

    public Study {
        Objects.requireNonNull(citation, "citation");
    }
}
