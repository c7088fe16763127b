package org.ketaminefaq.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source reference resolved for display: the article's id and title, the section, and the study if one is cited.
 *
 * <p>Example: {@code Citation.of(kb, fact.sources())} gives one citation per source of a fact.
 *
 * @param id the source id, its file name without {@code .txt}
 * @param title the article's title
 * @param section the heading in the article
 * @param study the citation of the study the article cites there, if any
 */
public record Citation(String id, String title, String section, Optional<String> study) {

    public Citation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        study = study == null ? Optional.empty() : study;
    }

    /** Resolves source references against the knowledge base, keeping their order and dropping repeats. */
    public static List<Citation> of(KnowledgeBase kb, List<SourceRef> refs) {
        Objects.requireNonNull(kb, "kb must not be null");
        return Objects.requireNonNull(refs, "refs must not be null").stream().map(ref -> {
            Source source = kb.source(ref.source()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown source \"" + ref.source() + "\""));
            return new Citation(source.id(), source.title(), ref.section(),
                    ref.study().flatMap(source::study).map(Study::citation));
        }).distinct().toList();
    }
}
