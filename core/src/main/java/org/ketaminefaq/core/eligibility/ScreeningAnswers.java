package org.ketaminefaq.core.eligibility;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A visitor's answers to the screening questions. Every answer is optional: absent means not answered.
 * Immutable and thread-safe. Every answer is checked here, in the value itself, whichever way it arrives (the
 * builder, the {@code with} methods, {@link ScreeningJson}), so all paths accept and refuse the same answers.
 *
 * <pre>{@code
 * ScreeningAnswers answers = ScreeningAnswers.builder()
 *         .age(34)
 *         .diagnoses(Diagnosis.DEPRESSION)
 *         .failedAntidepressantTrials(3)
 *         .yesNo(ScreeningField.HEART_CONDITION, false)
 *         .build();
 * ScreeningAnswers more = answers.withYesNo(ScreeningField.PORPHYRIA, false);
 * }</pre>
 *
 * @param age the visitor's age in years, from 0 to {@value #MAX_AGE}
 * @param diagnoses the diagnoses the visitor reports; an empty set is an answer ("none of these")
 * @param failedAntidepressantTrials how many antidepressants the visitor tried without enough relief, from 0 to
 *     {@value #MAX_TRIALS}
 * @param yesNo the answers to the yes/no questions, keyed by their field
 */
public record ScreeningAnswers(
        Optional<Integer> age,
        Optional<Set<Diagnosis>> diagnoses,
        Optional<Integer> failedAntidepressantTrials,
        Map<ScreeningField, Boolean> yesNo) {

    /** The oldest age the screening accepts; anything above is taken for a typing mistake. */
    public static final int MAX_AGE = 130;
    /** The largest number of antidepressant trials the screening accepts. */
    public static final int MAX_TRIALS = 100;

    /**
     * Checks every answer.
     *
     * @throws InvalidScreeningInputException naming the field and the value, for a number out of range, a
     *     diagnosis that is null, or a yes/no answer for a question that is not yes/no
     */
    public ScreeningAnswers {
        age = age == null ? Optional.empty() : age;
        diagnoses = diagnoses == null ? Optional.empty() : diagnoses.map(ScreeningAnswers::checkedDiagnoses);
        failedAntidepressantTrials = failedAntidepressantTrials == null ? Optional.empty() : failedAntidepressantTrials;
        yesNo = yesNo == null ? Map.of() : Collections.unmodifiableMap(copy(yesNo));
        age.ifPresent(a -> checkRange(ScreeningField.AGE, a, MAX_AGE));
        failedAntidepressantTrials.ifPresent(n -> checkRange(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS, n, MAX_TRIALS));
        for (ScreeningField field : yesNo.keySet()) {
            if (field.kind() != ScreeningField.Kind.YES_NO) {
                throw new InvalidScreeningInputException(field.id(), "is not a yes/no question; "
                        + (field == ScreeningField.DIAGNOSES ? "use withDiagnoses" : "use with" + capitalized(field)));
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
        return Optional.ofNullable(yesNo.get(Objects.requireNonNull(field, "field must not be null")));
    }

    /** Whether a question has an answer. */
    public boolean isAnswered(ScreeningField field) {
        return switch (Objects.requireNonNull(field, "field must not be null")) {
            case AGE -> age.isPresent();
            case DIAGNOSES -> diagnoses.isPresent();
            case FAILED_ANTIDEPRESSANT_TRIALS -> failedAntidepressantTrials.isPresent();
            default -> yesNo.containsKey(field);
        };
    }

    /** Whether any of the reported diagnoses is one of {@code wanted}. */
    public boolean hasAnyDiagnosis(Set<Diagnosis> wanted) {
        Objects.requireNonNull(wanted, "wanted must not be null");
        return diagnoses.map(d -> !Collections.disjoint(d, wanted)).orElse(false);
    }

    /**
     * A copy with the visitor's age.
     *
     * @throws InvalidScreeningInputException when {@code years} is not from 0 to {@value #MAX_AGE}
     */
    public ScreeningAnswers withAge(int years) {
        return new ScreeningAnswers(Optional.of(years), diagnoses, failedAntidepressantTrials, yesNo);
    }

    /**
     * A copy with how many antidepressants the visitor tried without enough relief.
     *
     * @throws InvalidScreeningInputException when {@code trials} is not from 0 to {@value #MAX_TRIALS}
     */
    public ScreeningAnswers withFailedAntidepressantTrials(int trials) {
        return new ScreeningAnswers(age, diagnoses, Optional.of(trials), yesNo);
    }

    /**
     * A copy with the diagnoses the visitor reports, from any collection (a list with repeats counts each once); an
     * empty one answers "none of these".
     *
     * @throws InvalidScreeningInputException when the collection is null or holds null
     */
    public ScreeningAnswers withDiagnoses(Collection<Diagnosis> reported) {
        if (reported == null) {
            throw new InvalidScreeningInputException(ScreeningField.DIAGNOSES.id(),
                    "null is not allowed; expected a collection of diagnoses, empty for none");
        }
        return new ScreeningAnswers(age, Optional.of(checkedDiagnoses(reported)), failedAntidepressantTrials, yesNo);
    }

    /**
     * A copy with the answer to a yes/no question.
     *
     * @throws InvalidScreeningInputException when {@code field} is not a yes/no question, such as {@code AGE}
     */
    public ScreeningAnswers withYesNo(ScreeningField field, boolean answer) {
        Objects.requireNonNull(field, "field must not be null");
        Map<ScreeningField, Boolean> next = copy(yesNo);
        next.put(field, answer);
        return new ScreeningAnswers(age, diagnoses, failedAntidepressantTrials, next);
    }

    private static void checkRange(ScreeningField field, int value, int max) {
        if (value < 0 || value > max) {
            throw new InvalidScreeningInputException(field.id(),
                    value + " is not allowed; expected a whole number from 0 to " + max);
        }
    }

    private static Set<Diagnosis> checkedDiagnoses(Collection<Diagnosis> reported) {
        Set<Diagnosis> chosen = EnumSet.noneOf(Diagnosis.class);
        for (Diagnosis d : reported) {
            if (d == null) {
                throw new InvalidScreeningInputException(ScreeningField.DIAGNOSES.id(),
                        "null is not allowed; expected one of " + Arrays.stream(Diagnosis.values())
                                .map(known -> "Diagnosis." + known.name()).collect(Collectors.joining(", ")));
            }
            chosen.add(d);
        }
        return Collections.unmodifiableSet(chosen);
    }

    private static String capitalized(ScreeningField field) {
        String id = field.id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static Map<ScreeningField, Boolean> copy(Map<ScreeningField, Boolean> answers) {
        Map<ScreeningField, Boolean> copy = new EnumMap<>(ScreeningField.class);
        answers.forEach((field, answer) -> copy.put(Objects.requireNonNull(field, "a yes/no answer has a null field"),
                Objects.requireNonNull(answer, () -> field.id() + ": a yes/no answer must not be null")));
        return copy;
    }

    /** Collects answers one by one; each setter checks its value at once, as the {@code with} methods do. */
    public static final class Builder {

        private ScreeningAnswers answers;

        private Builder(ScreeningAnswers start) {
            this.answers = start;
        }

        /** The visitor's age, from 0 to {@value ScreeningAnswers#MAX_AGE}. */
        public Builder age(int years) {
            answers = answers.withAge(years);
            return this;
        }

        /** The diagnoses the visitor reports; none at all answers "none of these". */
        public Builder diagnoses(Diagnosis... diagnoses) {
            if (diagnoses == null) {
                throw new InvalidScreeningInputException(ScreeningField.DIAGNOSES.id(),
                        "null is not allowed; expected diagnoses, or none for \"none of these\"");
            }
            answers = answers.withDiagnoses(Arrays.asList(diagnoses));
            return this;
        }

        /** How many antidepressants the visitor tried, from 0 to {@value ScreeningAnswers#MAX_TRIALS}. */
        public Builder failedAntidepressantTrials(int trials) {
            answers = answers.withFailedAntidepressantTrials(trials);
            return this;
        }

        /** The answer to a yes/no question. */
        public Builder yesNo(ScreeningField field, boolean answer) {
            answers = answers.withYesNo(field, answer);
            return this;
        }

        /** Answers "no" to every yes/no question not answered yet. */
        public Builder noToAllOtherYesNo() {
            for (ScreeningField field : ScreeningField.values()) {
                if (field.kind() == ScreeningField.Kind.YES_NO && !answers.isAnswered(field)) {
                    answers = answers.withYesNo(field, false);
                }
            }
            return this;
        }

        /** The answers collected. */
        public ScreeningAnswers build() {
            return answers;
        }
    }
}
