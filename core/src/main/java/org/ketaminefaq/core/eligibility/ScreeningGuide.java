package org.ketaminefaq.core.eligibility;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The words of the screening, from {@code screening.json}: one question per field, and the text of every reason an
 * assessment can give.
 *
 * <p>Example: {@code kb.screening().question(ScreeningField.AGE).map(ScreeningGuide.Question::text)}.
 *
 * @param questions one question per screening field, in the order they are asked
 * @param reasons the plain-language text of each reason code
 */
public record ScreeningGuide(List<Question> questions, List<ReasonText> reasons) {

    public ScreeningGuide {
        questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }

    /** The question that asks for one field. */
    public Optional<Question> question(ScreeningField field) {
        return questions.stream().filter(q -> q.field() == field).findFirst();
    }

    /** The text for a reason code, with {@code {topic}} already replaced by the field's topic. */
    public Optional<String> reasonText(String code, ScreeningField field) {
        String topic = question(field).map(Question::topic).orElse(field.id());
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst()
                .map(r -> r.text().replace("{topic}", topic));
    }

    /**
     * One screening question.
     *
     * @param field the answer it fills
     * @param topic a short noun phrase for it, such as "your age", used inside reason texts
     * @param text the question as the visitor reads it
     * @param quickReplies the answers offered as buttons
     * @param facts the ids of the facts the question rests on; their sources become the sources of its reasons
     */
    public record Question(ScreeningField field, String topic, String text, List<String> quickReplies,
                           List<String> facts) {

        public Question {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(text, "text");
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    /**
     * The text of one reason code; {@code {topic}} in it stands for the field's topic.
     *
     * @param code a stable code such as {@code under_18}
     * @param text the reason in plain language
     */
    public record ReasonText(String code, String text) {

        public ReasonText {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }
    }
}
