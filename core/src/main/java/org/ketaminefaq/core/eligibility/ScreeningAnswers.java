package org.ketaminefaq.core.eligibility;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A visitor's answers to the screening questions. Every answer is optional: absent means not answered.
 * Immutable; {@link #with(ScreeningField, Object)} returns a copy with one more answer.
 *
 * <pre>{@code
 * ScreeningAnswers answers = ScreeningAnswers.builder()
 *         .age(34)
 *         .diagnoses(Diagnosis.DEPRESSION)
 *         .failedAntidepressantTrials(3)
 *         .yesNo(ScreeningField.HEART_CONDITION, false)
 *         .build();
 * }</pre>
 *
 * @param age the visitor's age in years, 0 or more
 * @param diagnoses the diagnoses the visitor reports; an empty set is an answer ("none of these")
 * @param failedAntidepressantTrials how many antidepressants the visitor tried without enough relief, 0 or more
 * @param yesNo the answers to the yes/no questions, keyed by their field
 */
public record ScreeningAnswers(
        Optional<Integer> age,
        Optional<Set<Diagnosis>> diagnoses,
        Optional<Integer> failedAntidepressantTrials,
        Map<ScreeningField, Boolean> yesNo) {

    public ScreeningAnswers {
        age = age == null ? Optional.empty() : age;
        diagnoses = diagnoses == null ? Optional.empty() : diagnoses.map(Set::copyOf);
        failedAntidepressantTrials = failedAntidepressantTrials == null ? Optional.empty() : failedAntidepressantTrials;
        yesNo = yesNo == null ? Map.of() : Collections.unmodifiableMap(copy(yesNo));
        age.filter(a -> a < 0).ifPresent(a -> {
            throw new InvalidScreeningInputException(ScreeningField.AGE.id(),
                    a + " is not allowed; expected a whole number of 0 or more");
        });
        failedAntidepressantTrials.filter(n -> n < 0).ifPresent(n -> {
            throw new InvalidScreeningInputException(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS.id(),
                    n + " is not allowed; expected a whole number of 0 or more");
        });
        for (ScreeningField field : yesNo.keySet()) {
            if (field.kind() != ScreeningField.Kind.YES_NO) {
                throw new InvalidScreeningInputException(field.id(), "is not a yes/no question");
            }
        }
    }

    /** No answers yet. */
    public static ScreeningAnswers none() {
        return new ScreeningAnswers(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** A builder that starts with no answers. */
    public static Builder builder() {
        return new Builder(none());
    }

    /** The answer to a yes/no question. */
    public Optional<Boolean> yesNo(ScreeningField field) {
        return Optional.ofNullable(yesNo.get(field));
    }

    /** Whether a question has an answer. */
    public boolean isAnswered(ScreeningField field) {
        return switch (field) {
            case AGE -> age.isPresent();
            case DIAGNOSES -> diagnoses.isPresent();
            case FAILED_ANTIDEPRESSANT_TRIALS -> failedAntidepressantTrials.isPresent();
            default -> yesNo.containsKey(field);
        };
    }

    /** Whether any of the reported diagnoses is one of {@code wanted}. */
    public boolean hasAnyDiagnosis(Set<Diagnosis> wanted) {
        return diagnoses.map(d -> !Collections.disjoint(d, wanted)).orElse(false);
    }

    /**
     * A copy with one more answer: an {@link Integer} for a whole-number field, a {@link Boolean} for a yes/no field,
     * a {@link Set} of {@link Diagnosis} for the diagnoses.
     *
     * @throws InvalidScreeningInputException when the value does not fit the field
     */
    public ScreeningAnswers with(ScreeningField field, Object value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        switch (field.kind()) {
            case WHOLE_NUMBER -> {
                if (!(value instanceof Integer n)) {
                    throw wrongType(field, value, "a whole number");
                }
                return field == ScreeningField.AGE
                        ? new ScreeningAnswers(Optional.of(n), diagnoses, failedAntidepressantTrials, yesNo)
                        : new ScreeningAnswers(age, diagnoses, Optional.of(n), yesNo);
            }
            case YES_NO -> {
                if (!(value instanceof Boolean b)) {
                    throw wrongType(field, value, "true or false");
                }
                Map<ScreeningField, Boolean> next = copy(yesNo);
                next.put(field, b);
                return new ScreeningAnswers(age, diagnoses, failedAntidepressantTrials, next);
            }
            default -> {
                if (!(value instanceof Set<?> set) || !set.stream().allMatch(Diagnosis.class::isInstance)) {
                    throw wrongType(field, value, "a set of diagnoses");
                }
                Set<Diagnosis> chosen = EnumSet.noneOf(Diagnosis.class);
                set.forEach(d -> chosen.add((Diagnosis) d));
                return new ScreeningAnswers(age, Optional.of(chosen), failedAntidepressantTrials, yesNo);
            }
        }
    }

    private static InvalidScreeningInputException wrongType(ScreeningField field, Object value, String expected) {
        return new InvalidScreeningInputException(field.id(), value + " is not allowed; expected " + expected);
    }

    private static Map<ScreeningField, Boolean> copy(Map<ScreeningField, Boolean> answers) {
        Map<ScreeningField, Boolean> copy = new EnumMap<>(ScreeningField.class);
        answers.forEach((field, answer) -> copy.put(Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(answer, () -> field.id())));
        return copy;
    }

    /** Collects answers one by one; each setter checks its value. */
    public static final class Builder {

        private ScreeningAnswers answers;

        private Builder(ScreeningAnswers start) {
            this.answers = start;
        }

        public Builder age(int years) {
            answers = answers.with(ScreeningField.AGE, years);
            return this;
        }

        public Builder diagnoses(Diagnosis... diagnoses) {
            Set<Diagnosis> set = EnumSet.noneOf(Diagnosis.class);
            Collections.addAll(set, diagnoses);
            answers = answers.with(ScreeningField.DIAGNOSES, set);
            return this;
        }

        public Builder failedAntidepressantTrials(int trials) {
            answers = answers.with(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS, trials);
            return this;
        }

        public Builder yesNo(ScreeningField field, boolean answer) {
            answers = answers.with(field, answer);
            return this;
        }

        /** Answers "no" to every yes/no question not answered yet. */
        public Builder noToAllOtherYesNo() {
            for (ScreeningField field : ScreeningField.values()) {
                if (field.kind() == ScreeningField.Kind.YES_NO && !answers.isAnswered(field)) {
                    answers = answers.with(field, false);
                }
            }
            return this;
        }

        public ScreeningAnswers build() {
            return answers;
        }
    }
}
