package org.ketaminefaq.chatbot.dialogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.DataFileException;
import org.ketaminefaq.core.Fact;
import org.ketaminefaq.core.JsonEnum;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.TreatmentForm;

/**
 * The answer templates of {@code answers.json}, one per intent, checked against the knowledge base when loaded: every
 * fact they name exists, every placeholder is known, and a clinic detail is only used where the template shows it
 * only when the profile has it.
 */
public final class AnswerBook {

    static final String RESOURCE = "ketamine-faq/answers.json";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)(?::([a-z0-9_.]+))?}");

    /** A piece of an answer, shown only when its condition holds (or always, without one). */
    public record Segment(Optional<String> when, String text) {
        public Segment {
            when = when == null ? Optional.empty() : when;
            Objects.requireNonNull(text, "text");
        }
    }

    /** The facts and text of an answer for one treatment form. */
    public record Variant(List<String> facts, List<Segment> segments) {
        public Variant {
            facts = List.copyOf(facts);
            segments = List.copyOf(segments);
        }
    }

    /** A follow-up question the visitor can tap, and the intent it asks. */
    public record FollowUp(String text, String intent) {
    }

    /** One intent's answer template. */
    public record Template(String intent, String label, boolean medical, List<String> facts, List<Segment> segments,
                           Map<String, Variant> forms, List<FollowUp> followUps) {
        public Template {
            facts = List.copyOf(facts);
            segments = List.copyOf(segments);
            forms = forms == null ? Map.of() : Map.copyOf(forms);
            followUps = List.copyOf(followUps);
        }

        /** The variant for a form, if the template has one. */
        public Optional<Variant> variant(TreatmentForm form) {
            return Optional.ofNullable(forms.get(form.id()));
        }
    }

    /** The answer to a narrower question inside a topic ({@link SpecificQuestion}), by the question's id. */
    public record Specific(String id, List<String> facts, List<Segment> segments,
                           List<FollowUp> followUps) {
        public Specific {
            facts = List.copyOf(facts);
            segments = List.copyOf(segments);
            followUps = List.copyOf(followUps);
        }
    }

    record AnswersFile(List<Template> answers, List<Specific> specifics) {
        AnswersFile {
            specifics = specifics == null ? List.of() : specifics;
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Map<Intent, Template> templates;
    private final Map<SpecificQuestion, Specific> specifics;

    private AnswerBook(Map<Intent, Template> templates, Map<SpecificQuestion, Specific> specifics) {
        this.templates = templates;
        this.specifics = specifics;
    }

    /** Loads the answers that ship in ketamine-faq-data and checks them against {@code kb}. */
    public static AnswerBook load(KnowledgeBase kb) {
        try (InputStream in = AnswerBook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataFileException(RESOURCE, "$", "not found on the classpath");
            }
            AnswersFile file = MAPPER.readValue(in, AnswersFile.class);
            return of(file.answers(), file.specifics(), kb);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    static AnswerBook of(List<Template> list, List<Specific> specificList, KnowledgeBase kb) {
        Map<Intent, Template> byIntent = new EnumMap<>(Intent.class);
        for (int i = 0; i < list.size(); i++) {
            Template t = list.get(i);
            String path = "$.answers[" + i + "]";
            Intent intent = Intent.byId(t.intent()).orElseThrow(() -> new DataFileException(RESOURCE,
                    path + ".intent", "unknown intent \"" + t.intent() + "\""));
            if (byIntent.put(intent, t) != null) {
                throw new DataFileException(RESOURCE, path + ".intent", "a second answer for \"" + t.intent() + "\"");
            }
            check(kb, path, t.facts(), t.segments());
            t.forms().forEach((form, variant) -> {
                if (JsonEnum.byId(TreatmentForm.class, form).isEmpty()) {
                    throw new DataFileException(RESOURCE, path + ".forms." + form, "unknown treatment form");
                }
                check(kb, path + ".forms." + form, variant.facts(), variant.segments());
            });
            checkFollowUps(path, t.followUps());
        }
        for (Intent intent : Intent.values()) {
            if (!byIntent.containsKey(intent)) {
                throw new DataFileException(RESOURCE, "$.answers", "has no answer for intent \"" + intent.id() + "\"");
            }
        }
        return new AnswerBook(byIntent, specifics(specificList, kb));
    }

    private static Map<SpecificQuestion, Specific> specifics(List<Specific> list, KnowledgeBase kb) {
        Map<SpecificQuestion, Specific> byQuestion = new EnumMap<>(SpecificQuestion.class);
        for (int i = 0; i < list.size(); i++) {
            Specific s = list.get(i);
            String path = "$.specifics[" + i + "]";
            SpecificQuestion question = SpecificQuestion.byId(s.id()).orElseThrow(() -> new DataFileException(
                    RESOURCE, path + ".id", "unknown specific "
                            + "question \"" + s.id() + "\"; expected one of " + Arrays.stream(SpecificQuestion.values())
                            .map(SpecificQuestion::id).toList()));
            if (byQuestion.put(question, s) != null) {
                throw new DataFileException(RESOURCE, path + ".id", "a second answer for \"" + s.id() + "\"");
            }
            check(kb, path, s.facts(), s.segments());
            checkFollowUps(path, s.followUps());
        }
        for (SpecificQuestion question : SpecificQuestion.values()) {
            if (!byQuestion.containsKey(question)) {
                throw new DataFileException(RESOURCE, "$.specifics", "has no answer for the specific question \""
                        + question.id() + "\"");
            }
        }
        return byQuestion;
    }

    private static void checkFollowUps(String path, List<FollowUp> followUps) {
        for (int j = 0; j < followUps.size(); j++) {
            String followUpIntent = followUps.get(j).intent();
            if (Intent.byId(followUpIntent).isEmpty()) {
                throw new DataFileException(RESOURCE, path + ".followUps[" + j + "].intent",
                        "unknown intent \"" + followUpIntent + "\"");
            }
        }
    }

    private static void check(KnowledgeBase kb, String path, List<String> facts, List<Segment> segments) {
        for (int j = 0; j < facts.size(); j++) {
            if (kb.fact(facts.get(j)).isEmpty()) {
                throw new DataFileException(RESOURCE, path + ".facts[" + j + "]",
                        "names fact \"" + facts.get(j) + "\", which is not in facts.json");
            }
        }
        for (int j = 0; j < segments.size(); j++) {
            Segment segment = segments.get(j);
            Matcher m = PLACEHOLDER.matcher(segment.text());
            while (m.find()) {
                String where = path + ".segments[" + j + "]";
                String name = m.group(1);
                if (name.equals("fact")) {
                    Optional<Fact> fact = kb.fact(Objects.requireNonNullElse(m.group(2), ""));
                    if (fact.isEmpty() || fact.get().value().isEmpty()) {
                        throw new DataFileException(RESOURCE, where, "{fact:" + m.group(2)
                                + "} must name a fact in facts.json that has a value");
                    }
                } else if (!ClinicDetail.PLACEHOLDERS.contains(name)) {
                    throw new DataFileException(RESOURCE, where, "unknown placeholder {" + name + "}; expected one of "
                            + ClinicDetail.PLACEHOLDERS + " or {fact:ID}");
                } else if (ClinicDetail.needsCondition(name) && !segment.when().equals(Optional.of("has:" + name))) {
                    throw new DataFileException(RESOURCE, where, "{" + name + "} may only be used in a segment with "
                            + "\"when\": \"has:" + name + "\"");
                }
            }
        }
    }

    /** The template for an intent. */
    public Template template(Intent intent) {
        return templates.get(intent);
    }

    /** The short label of an intent, for "did you mean" buttons. */
    public String label(Intent intent) {
        return templates.get(intent).label();
    }

    /** The answer to a specific question. */
    Specific specific(SpecificQuestion question) {
        return specifics.get(question);
    }
}
