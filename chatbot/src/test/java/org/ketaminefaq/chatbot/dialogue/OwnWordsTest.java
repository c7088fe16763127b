package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.Fact;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.SourceRef;
import org.ketaminefaq.core.TreatmentForm;

/**
 * The facts and answers are written in the project's own words: no sentence of theirs comes as close as 0.6 to a
 * sentence of an article it cites (word-level similarity, sentences of six words or more).
 */
class OwnWordsTest {

    static final double TOO_CLOSE = 0.6;

    @Test
    void noFactOrAnswerSentenceIsTooCloseToASentenceOfItsSources() throws IOException {
        Map<String, List<int[]>> sources = SourceFingerprints.load();
        KnowledgeBase kb = KnowledgeBase.load();
        AnswerComposer answers = AnswerComposer.load(ClinicKnowledge.of(kb, ClinicProfile.defaultProfile()));
        List<String> tooClose = new ArrayList<>();
        for (Fact fact : kb.facts()) {
            check("fact " + fact.id(), fact.text(), fact.sources().stream().map(SourceRef::source)
                    .collect(Collectors.toSet()), sources, tooClose);
        }
        for (Intent intent : Intent.values()) {
            List<Optional<TreatmentForm>> forms = new ArrayList<>(List.of(Optional.empty()));
            for (TreatmentForm form : TreatmentForm.values()) {
                forms.add(Optional.of(form));
            }
            for (Optional<TreatmentForm> form : forms) {
                Answer answer = answers.compose(intent, form);
                Set<String> cited = answer.sources().stream().map(Citation::id).collect(Collectors.toSet());
                check("answer " + intent.id() + form.map(f -> " (" + f + ")").orElse(""), answer.text(),
                        cited.isEmpty() ? sources.keySet() : cited, sources, tooClose);
            }
        }
        for (SpecificQuestion question : SpecificQuestion.values()) {
            Answer answer = answers.compose(question);
            check("answer " + question.id(), answer.text(), answer.sources().stream().map(Citation::id)
                    .collect(Collectors.toSet()), sources, tooClose);
        }
        assertEquals(List.of(), tooClose.stream().distinct().toList(),
                "sentences to rewrite in the project's own words");
    }

    @Test
    void theFingerprintsCoverEveryCitedArticle() throws IOException {
        Map<String, List<int[]>> sources = SourceFingerprints.load();
        for (Fact fact : KnowledgeBase.load().facts()) {
            for (SourceRef ref : fact.sources()) {
                assertFalse(sources.getOrDefault(ref.source(), List.of()).isEmpty(), fact.id() + " cites " + ref.source());
            }
        }
    }

    private static void check(String where, String text, Set<String> cited, Map<String, List<int[]>> sources,
                              List<String> tooClose) {
        for (int[] ours : SourceFingerprints.sentences(text)) {
            for (String source : cited) {
                for (int[] theirs : sources.getOrDefault(source, List.of())) {
                    double similarity = SourceFingerprints.similarity(ours, theirs);
                    if (similarity >= TOO_CLOSE) {
                        tooClose.add(String.format(Locale.ROOT, "%s: a sentence %.2f alike to one in %s", where,
                                similarity, source));
                    }
                }
            }
        }
    }
}
