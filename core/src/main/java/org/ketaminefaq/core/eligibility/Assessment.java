package org.ketaminefaq.core.eligibility;

import java.util.List;
import java.util.Objects;
import org.ketaminefaq.core.CrisisResource;

/**
 * The outcome of a screening: a verdict, the reasons for it, and crisis resources when the answers call for them.
 *
 * <p>Example: {@code rules.assess(answers).reasons().forEach(r -> System.out.println(r.text()))}.
 *
 * @param verdict what the answers point to; never a diagnosis or a prescription
 * @param reasons why, one per answer that weighed in
 * @param resources crisis resources; not empty when the visitor reported suicidal thoughts
 */
public record Assessment(Verdict verdict, List<Reason> reasons, List<CrisisResource> resources) {

    public Assessment {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }
}
