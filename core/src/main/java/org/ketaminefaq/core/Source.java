package org.ketaminefaq.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source article the knowledge base is drawn from.
 *
 * <p>Example: {@code kb.source("001_137144328241e96d").map(Source::title)} is {@code Optional["About Ketamine Therapy"]}.
 *
 * @param id the file name without {@code .txt}; facts cite the source by it
 * @param file the file name of the article
 * @param title the article's title
 * @param publisher who published it, where known
 * @param studies the studies in its numbered reference list, if it has one
 */
public record Source(String id, String file, String title, Optional<String> publisher, List<Study> studies) {

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        publisher = publisher == null ? Optional.empty() : publisher;
        studies = studies == null ? List.of() : List.copyOf(studies);
    }

    /** The study with this number in the article's reference list. */
    public Optional<Study> study(int number) {
        return studies.stream().filter(s -> s.number() == number).findFirst();
    }
}
