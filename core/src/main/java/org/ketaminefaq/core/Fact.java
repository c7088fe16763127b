package org.ketaminefaq.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact about ketamine therapy, in the project's own words, with the sources it comes from.
 *
 * <p>Where sources disagree, each figure is a fact of its own with its own source, so a reader can give both.
 *
 * <pre>{@code
 * for (Fact f : kb.facts(Topic.COST, TreatmentForm.IV)) {
 *     f.value().flatMap(q -> q.max().isPresent() ? java.util.Optional.of(q) : java.util.Optional.empty())
 *             .ifPresent(q -> System.out.println("up to " + q.max().getAsDouble() + " " + q.unit().id()));
 * }
 * }</pre>
 *
 * @param id a stable id such as {@code cost.iv.per_infusion.003}
 * @param topic what the fact is about
 * @param subject a short label such as "nausea" or "IV infusion", if the fact has one
 * @param form the treatment form the fact concerns, if only one
 * @param text the fact in plain language
 * @param value the figure it states, if any
 * @param evidence how strong the evidence is, for conditions treated
 * @param frequency how often it happens, for side effects
 * @param sources where it comes from, at least one
 */
public record Fact(
        String id,
        Topic topic,
        Optional<String> subject,
        Optional<TreatmentForm> form,
        String text,
        Optional<Quantity> value,
        Optional<Evidence> evidence,
        Optional<Frequency> frequency,
        List<SourceRef> sources) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
        subject = subject == null ? Optional.empty() : subject;
        form = form == null ? Optional.empty() : form;
        value = value == null ? Optional.empty() : value;
        evidence = evidence == null ? Optional.empty() : evidence;
        frequency = frequency == null ? Optional.empty() : frequency;
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("fact " + id + " must name at least one source");
        }
        sources = List.copyOf(sources);
    }
}
