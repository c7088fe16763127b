package org.ketaminefaq.chatbot.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.SourceRef;
import org.ketaminefaq.core.TreatmentForm;

/**
 * Builds an intent's answer from its template, the knowledge-base facts and one clinic's profile, so that the
 * clinic's price or phone number flows into the text and the facts' sources come with it. Safe to share.
 *
 * <pre>{@code
 * AnswerComposer answers = AnswerComposer.load(ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));
 * Answer cost = answers.compose(Intent.COST, Optional.of(TreatmentForm.IV));
 * }</pre>
 */
public final class AnswerComposer {

    private static final int FORMS = TreatmentForm.values().length;

    private final AnswerBook book;
    private final ClinicKnowledge clinic;
    /**
     * Each answer once composed, by intent and form: an answer depends only on them, the templates and the clinic,
     * which are fixed for a composer, and composing (placeholders, facts, citations) cost more than the rest of a
     * reply. Filled as answers are first asked for; two threads composing the same answer at once compose equal
     * answers, so either may stay.
     */
    private final AtomicReferenceArray<Answer> composed;
    /** Each specific answer once composed, as {@link #composed}. */
    private final AtomicReferenceArray<Answer> composedSpecific;

    private AnswerComposer(AnswerBook book, ClinicKnowledge clinic) {
        this.book = Objects.requireNonNull(book, "book");
        this.clinic = Objects.requireNonNull(clinic, "clinic");
        this.composed = new AtomicReferenceArray<>(Intent.values().length * (FORMS + 1));
        this.composedSpecific = new AtomicReferenceArray<>(SpecificQuestion.values().length);
    }

    /** The shipped answers, for one clinic. */
    public static AnswerComposer load(ClinicKnowledge clinic) {
        return new AnswerComposer(AnswerBook.load(clinic.knowledgeBase()), clinic);
    }

    /** The clinic these answers speak for. */
    public ClinicKnowledge clinic() {
        return clinic;
    }

    /** The short label of an intent, for "did you mean" buttons. */
    public String label(Intent intent) {
        return book.label(intent);
    }

    /** Whether the intent's answer has a variant for each treatment form. */
    public boolean hasFormVariants(Intent intent) {
        return !book.template(intent).forms().isEmpty();
    }

    /**
     * The answer to an intent; with a form, the form's variant where the template has one.
     */
    public Answer compose(Intent intent, Optional<TreatmentForm> form) {
        int slot = intent.ordinal() * (FORMS + 1) + form.map(f -> f.ordinal() + 1).orElse(0);
        Answer answer = composed.get(slot);
        if (answer == null) {
            answer = composeNow(intent, form);
            composed.set(slot, answer);
        }
        return answer;
    }

    /**
     * The answer to a specific question inside a topic ("can I take it with Lexapro?"), under the intent of that
     * topic. It is the same for every treatment form.
     */
    Answer compose(SpecificQuestion question) {
        Answer answer = composedSpecific.get(question.ordinal());
        if (answer == null) {
            AnswerBook.Specific specific = book.specific(question);
            answer = composeNow(question.answeredAs(), specific.facts(), specific.segments(), Optional.empty(),
                    specific.followUps());
            composedSpecific.set(question.ordinal(), answer);
        }
        return answer;
    }

    private Answer composeNow(Intent intent, Optional<TreatmentForm> form) {
        AnswerBook.Template template = book.template(intent);
        Optional<AnswerBook.Variant> variant = form.flatMap(template::variant);
        Optional<TreatmentForm> formShown = variant.isPresent() ? form : Optional.empty();
        return composeNow(intent, variant.map(AnswerBook.Variant::facts).orElse(template.facts()),
                variant.map(AnswerBook.Variant::segments).orElse(template.segments()), formShown,
                template.followUps());
    }

    private Answer composeNow(Intent intent, List<String> facts, List<AnswerBook.Segment> segments,
                              Optional<TreatmentForm> formShown, List<AnswerBook.FollowUp> followUps) {
        Set<String> factIds = new LinkedHashSet<>(facts);

        List<String> parts = new ArrayList<>();
        for (AnswerBook.Segment segment : segments) {
            if (segment.when().map(c -> ClinicDetail.holds(c, clinic, formShown)).orElse(true)) {
                parts.add(fill(segment.text(), formShown, factIds));
            }
        }
        KnowledgeBase kb = clinic.knowledgeBase();
        List<SourceRef> refs = factIds.stream().flatMap(id -> kb.fact(id).orElseThrow().sources().stream()).toList();
        List<String> quickReplies = followUps.stream().map(AnswerBook.FollowUp::text).toList();
        return new Answer(intent, String.join(" ", parts), Citation.of(kb, refs), quickReplies);
    }

    private String fill(String text, Optional<TreatmentForm> form, Set<String> factIds) {
        Matcher m = AnswerBook.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1).equals("fact")) {
                factIds.add(m.group(2));
                replacement = QuantityFormat.format(clinic.knowledgeBase().fact(m.group(2)).orElseThrow().value()
                        .orElseThrow());
            } else {
                replacement = ClinicDetail.fill(m.group(1), clinic, form);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
