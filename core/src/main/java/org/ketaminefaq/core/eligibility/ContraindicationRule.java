package org.ketaminefaq.core.eligibility;

import java.util.Objects;
import java.util.Optional;

/**
 * A "yes" to a condition that makes ketamine generally not recommended rules it out.
 *
 * @param field the yes/no question about the condition
 * @param code the reason code, such as {@code porphyria}
 */
public record ContraindicationRule(ScreeningField field, String code) implements EligibilityRule {

    public ContraindicationRule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        if (field.kind() != ScreeningField.Kind.YES_NO) {
            throw new IllegalArgumentException(field.id() + " is not a yes/no question");
        }
    }

    @Override
    public Optional<Finding> check(ScreeningAnswers answers) {
        return answers.yesNo(field).filter(Boolean::booleanValue)
                .map(yes -> new Finding(field, code, Finding.Effect.RULES_OUT));
    }
}
