package org.ketaminefaq.chatbot.dialogue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;

/**
 * Reads a visitor's free-text or button answer to one screening question: "yes", "nope", "I'm 34", "I've tried
 * three", "depression and PTSD". Works on normalised text.
 */
final class ScreeningAnswerParser {

    /** What a message says as an answer to the pending question. */
    sealed interface Parsed {
        /** A usable answer, of the kind the question asks for. */
        sealed interface Answer extends Parsed {
            /** The answers with this one recorded for {@code field}. */
            ScreeningAnswers recordedIn(ScreeningAnswers answers, ScreeningField field);
        }

        /** An age or a number of trials. */
        record Number(int value) implements Answer {
            @Override
            public ScreeningAnswers recordedIn(ScreeningAnswers answers, ScreeningField field) {
                return field == ScreeningField.AGE ? answers.withAge(value)
                        : answers.withFailedAntidepressantTrials(value);
            }
        }

        /** Yes or no. */
        record YesNo(boolean yes) implements Answer {
            @Override
            public ScreeningAnswers recordedIn(ScreeningAnswers answers, ScreeningField field) {
                return answers.withYesNo(field, yes);
            }
        }

        /** The diagnoses named. */
        record Diagnoses(Set<Diagnosis> diagnoses) implements Answer {
            @Override
            public ScreeningAnswers recordedIn(ScreeningAnswers answers, ScreeningField field) {
                return answers.withDiagnoses(diagnoses);
            }
        }

        /** "Not sure", "prefer not to say": the question stays unanswered for a clinician to ask. */
        record Unsure() implements Parsed {
        }

        /** Not an answer to this question. */
        record NotAnAnswer() implements Parsed {
        }
    }

    private static final Pattern UNSURE = Pattern.compile(
            "^(i am )?(not sure|unsure|i do not know|do not know|dunno|no idea|maybe|prefer not to say|rather not say"
                    + "|i would rather not say|skip|pass|i do not want to say)\\b");
    /** A condition said to be fine or controlled: "my blood pressure is fine", "it's under control". */
    private static final Pattern FINE = Pattern.compile(
            "\\b(is|are|am|it is|its|all|been|everything is|everything s) (fine|normal|good|healthy|ok|okay|under control"
                    + "|controlled|well controlled|managed|well managed)\\b");
    /** Treated, which only a clinician can weigh: "I'm on meds for it". */
    private static final Pattern TREATED = Pattern.compile(
            "\\b(on|take|taking|takes) (meds|medication|medications|medicine|pills|tablets|treatment|something) for"
                    + " (it|that|this|them)\\b|\\b(it is|its) (treated|being treated)\\b");
    private static final Pattern YES = Pattern.compile(
            "^(yes|yeah|yea|yep|yup|ya|y|sure|correct|true|affirmative|definitely|i am|i do|i have|i did|yes i)\\b");
    private static final Pattern NO = Pattern.compile(
            "^(no|nope|nah|n|never|not really|none|negative|false|i am not|i do not|i have not|i did not"
                    + "|i never|not at all|no i|not that i know of|not that i am aware of|not as far as i know"
                    + "|do not think so|i think not|nothing like that|no way|not currently|not now|not at the moment)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,3})\\b");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("none", 0), Map.entry("zero", 0), Map.entry("no", 0), Map.entry("one", 1), Map.entry("once", 1),
            Map.entry("two", 2), Map.entry("twice", 2), Map.entry("couple", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("several", 3),
            Map.entry("many", 3), Map.entry("lots", 3), Map.entry("multiple", 3), Map.entry("few", 3));
    private static final Pattern UNDER_18 = Pattern.compile("\\bunder 18\\b");
    private static final Map<Diagnosis, Pattern> DIAGNOSES = Map.of(
            Diagnosis.BIPOLAR_DEPRESSION, Pattern.compile("\\bbipolar\\b"),
            Diagnosis.DEPRESSION, Pattern.compile("\\b(depression|depressed|depressive|mdd|trd)\\b"),
            Diagnosis.ANXIETY, Pattern.compile("\\b(anxiety|anxious|gad|panic)\\b"),
            Diagnosis.PTSD, Pattern.compile("\\b(ptsd|post traumatic|posttraumatic|trauma)\\b"),
            Diagnosis.OCD, Pattern.compile("\\b(ocd|obsessive)\\b"),
            Diagnosis.CHRONIC_PAIN, Pattern.compile("\\b(chronic pain|pain|fibromyalgia|crps|migraine|migraines)\\b"),
            Diagnosis.OTHER, Pattern.compile("\\b(something else|other|else)\\b"));

    private ScreeningAnswerParser() {
    }

    static Parsed parse(ScreeningField field, String normalized) {
        if (UNSURE.matcher(normalized).find()) {
            return new Parsed.Unsure();
        }
        return switch (field.kind()) {
            case YES_NO -> yesNo(normalized);
            case WHOLE_NUMBER -> field == ScreeningField.AGE ? age(normalized) : trials(normalized);
            case DIAGNOSES -> diagnoses(normalized).<Parsed>map(Parsed.Diagnoses::new).orElse(new Parsed.NotAnAnswer());
        };
    }

    /** The diagnoses a message names; an empty set for "none"; empty when it names none and is not "none". */
    static Optional<Set<Diagnosis>> diagnoses(String normalized) {
        if (normalized.matches("^(none|none of these|no|nope|nothing|none of them|no diagnosis)$")) {
            return Optional.of(EnumSet.noneOf(Diagnosis.class));
        }
        Set<Diagnosis> found = EnumSet.noneOf(Diagnosis.class);
        DIAGNOSES.forEach((diagnosis, pattern) -> {
            if (pattern.matcher(normalized).find()) {
                found.add(diagnosis);
            }
        });
        if (found.contains(Diagnosis.BIPOLAR_DEPRESSION) && !normalized.matches(".*\\bdepression\\b.*bipolar.*")) {
            found.remove(Diagnosis.DEPRESSION);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static Parsed yesNo(String normalized) {
        // "I take pills for it and it's well controlled" says more than "no", in a few more words
        if (words(normalized) <= 14 && FINE.matcher(normalized).find()) {
            return new Parsed.YesNo(false);
        }
        if (words(normalized) <= 14 && TREATED.matcher(normalized).find()) {
            return new Parsed.Unsure();
        }
        if (words(normalized) > 8) {
            return new Parsed.NotAnAnswer();
        }
        if (NO.matcher(normalized).find()) {
            return new Parsed.YesNo(false);
        }
        if (YES.matcher(normalized).find()) {
            return new Parsed.YesNo(true);
        }
        return new Parsed.NotAnAnswer();
    }

    private static Parsed age(String normalized) {
        if (UNDER_18.matcher(normalized).find()) {
            // any age under 18 gives the same verdict; 17 stands for the answer "under 18"
            return new Parsed.Number(17);
        }
        return firstNumber(normalized).filter(n -> n <= ScreeningAnswers.MAX_AGE).<Parsed>map(Parsed.Number::new)
                .orElse(new Parsed.NotAnAnswer());
    }

    private static Parsed trials(String normalized) {
        Optional<Integer> number = firstNumber(normalized);
        if (number.isPresent()) {
            return number.get() <= ScreeningAnswers.MAX_TRIALS ? new Parsed.Number(number.get())
                    : new Parsed.NotAnAnswer();
        }
        for (String word : normalized.split(" ")) {
            Integer n = NUMBER_WORDS.get(word);
            if (n != null) {
                return new Parsed.Number(n);
            }
        }
        return new Parsed.NotAnAnswer();
    }

    private static Optional<Integer> firstNumber(String normalized) {
        Matcher m = NUMBER.matcher(normalized);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static int words(String normalized) {
        return normalized.isEmpty() ? 0 : normalized.split(" ").length;
    }
}
