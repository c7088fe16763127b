package org.ketaminefaq.core.eligibility;

import java.util.Objects;
import java.util.Optional;

/**
 * A question that must be answered before anything can be said: without an answer a clinician has to ask it.
 *
 * @param field the question
 */
public record UnansweredRule(ScreeningField field) implements EligibilityRule {

    public UnansweredRule {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public Optional<Finding> check(ScreeningAnswers answers) {
        return answers.isAnswered(field) ? Optional.empty()
                : Optional.of(new Finding(field, "not_answered", Finding.Effect.NEEDS_REVIEW));
    }
}
