package org.ketaminefaq.core.eligibility;

import java.util.Optional;

/** Reported suicidal thoughts never change the verdict, but they always bring the crisis resources. */
public record SuicidalThoughtsRule() implements EligibilityRule {

    @Override
    public Optional<Finding> check(ScreeningAnswers answers) {
        return answers.yesNo(ScreeningField.SUICIDAL_THOUGHTS).filter(Boolean::booleanValue)
                .map(yes -> new Finding(ScreeningField.SUICIDAL_THOUGHTS, "suicidal_thoughts",
                        Finding.Effect.NEEDS_SUPPORT_NOW));
    }
}
