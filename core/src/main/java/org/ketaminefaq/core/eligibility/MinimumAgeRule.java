package org.ketaminefaq.core.eligibility;

import java.util.Optional;

/** Ketamine therapy is for adults: under 18 rules it out. */
public record MinimumAgeRule() implements EligibilityRule {

    static final int ADULT_AGE = 18;

    @Override
    public Optional<Finding> check(ScreeningAnswers answers) {
        return answers.age().filter(age -> age < ADULT_AGE)
                .map(age -> new Finding(ScreeningField.AGE, "under_18", Finding.Effect.RULES_OUT));
    }
}
