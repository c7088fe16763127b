package org.ketaminefaq.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a fact comes from: a source article, the section heading in it, and, where the article cites one, the
 * number of the study in its reference list.
 *
 * <p>Example: {@code new SourceRef("003_1439dfc55acb4c08", "How it works", Optional.of(5))}.
 *
 * @param source the id of a {@link Source}, its file name without {@code .txt}
 * @param section the heading in the article under which the fact stands
 * @param study the number of the study the article cites for it, if any
 */
public record SourceRef(String source, String section, Optional<Integer> study) {

    public SourceRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(section, "section");
        study = study == null ? Optional.empty() : study;
    }
}
