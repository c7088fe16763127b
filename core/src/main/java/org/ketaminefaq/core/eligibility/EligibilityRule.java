package org.ketaminefaq.core.eligibility;

import java.util.Optional;

/**
 * One screening rule: a pure function of the answers, with no side effects.
 *
 * <p>Example: {@code new MinimumAgeRule().check(ScreeningAnswers.builder().age(17).build())} finds {@code under_18}.
 */
public sealed interface EligibilityRule
        permits MinimumAgeRule, ContraindicationRule, UnansweredRule, DiagnosisRule, AntidepressantTrialsRule,
        SuicidalThoughtsRule {

    /** What this rule finds in the answers, or empty when it finds nothing. */
    Optional<Finding> check(ScreeningAnswers answers);
}
