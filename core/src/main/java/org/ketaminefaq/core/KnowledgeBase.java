package org.ketaminefaq.core;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ketaminefaq.core.eligibility.ScreeningField;
import org.ketaminefaq.core.eligibility.ScreeningGuide;

/**
 * The general facts about ketamine therapy, each with its sources, and the texts of the eligibility screening.
 * Immutable and safe to share between threads.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.load();           // the copy in ketamine-faq-data on the classpath
 * for (Fact fact : kb.facts(Topic.ONSET)) {
 *     System.out.println(fact.text() + " " + fact.sources());
 * }
 * }</pre>
 *
 * <p>An application that brings its own copy of the data loads it with {@link #fromDirectory(Path)} or
 * {@link #fromStreams(InputStream, InputStream, InputStream)}. Loading checks that every fact cites a known source
 * and study and that ids are unique, and fails with a {@link DataFileException} naming the file, the JSON path and
 * what was expected.
 */
public final class KnowledgeBase {

    /** Where the data files lie on the classpath. */
    static final String RESOURCE_DIR = "ketamine-faq/";
    static final String SOURCES_FILE = "sources.json";
    static final String FACTS_FILE = "facts.json";
    static final String SCREENING_FILE = "screening.json";

    private final Map<String, Source> sources;
    private final Map<String, Fact> facts;
    private final ScreeningGuide screening;

    private KnowledgeBase(List<Source> sources, List<Fact> facts, ScreeningGuide screening) {
        this.sources = index(sources, Source::id, SOURCES_FILE, "sources");
        this.facts = index(facts, Fact::id, FACTS_FILE, "facts");
        this.screening = Objects.requireNonNull(screening, "screening");
        checkCitations(facts);
        checkScreeningFacts();
    }

    /** Loads the knowledge base that ships in the {@code ketamine-faq-data} jar. */
    public static KnowledgeBase load() {
        return new KnowledgeBase(
                DataFiles.readResource(RESOURCE_DIR + SOURCES_FILE, SourcesFile.class).sources(),
                DataFiles.readResource(RESOURCE_DIR + FACTS_FILE, FactsFile.class).facts(),
                DataFiles.readResource(RESOURCE_DIR + SCREENING_FILE, ScreeningGuide.class));
    }

    /**
     * Loads a copy of the data from a directory holding {@code sources.json}, {@code facts.json} and
     * {@code screening.json}.
     *
     * @throws DataFileException when a file is missing, is not valid JSON, or breaks its schema
     */
    public static KnowledgeBase fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        return new KnowledgeBase(
                DataFiles.read(directory.resolve(SOURCES_FILE), SourcesFile.class).sources(),
                DataFiles.read(directory.resolve(FACTS_FILE), FactsFile.class).facts(),
                DataFiles.read(directory.resolve(SCREENING_FILE), ScreeningGuide.class));
    }

    /**
     * Loads a copy of the data from three streams with the contents of {@code sources.json}, {@code facts.json} and
     * {@code screening.json}. The streams are read fully but not closed.
     *
     * @throws DataFileException when a stream is not valid JSON or breaks its schema
     */
    public static KnowledgeBase fromStreams(InputStream sources, InputStream facts, InputStream screening) {
        Objects.requireNonNull(sources, "sources must not be null");
        Objects.requireNonNull(facts, "facts must not be null");
        Objects.requireNonNull(screening, "screening must not be null");
        return new KnowledgeBase(
                DataFiles.read(SOURCES_FILE, sources, SourcesFile.class).sources(),
                DataFiles.read(FACTS_FILE, facts, FactsFile.class).facts(),
                DataFiles.read(SCREENING_FILE, screening, ScreeningGuide.class));
    }

    /** Every source article, in file order. */
    public List<Source> sources() {
        return List.copyOf(sources.values());
    }

    /** The source with this id, such as {@code "003_1439dfc55acb4c08"}. */
    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(Objects.requireNonNull(id, "id must not be null")));
    }

    /** Every fact, in file order. */
    public List<Fact> facts() {
        return List.copyOf(facts.values());
    }

    /** The fact with this id. */
    public Optional<Fact> fact(String id) {
        return Optional.ofNullable(facts.get(Objects.requireNonNull(id, "id must not be null")));
    }

    /** The facts on one topic, in file order; empty when there are none. */
    public List<Fact> facts(Topic topic) {
        Objects.requireNonNull(topic, "topic must not be null");
        return facts.values().stream().filter(f -> f.topic() == topic).collect(Collectors.toUnmodifiableList());
    }

    /** The facts on one topic that concern one treatment form, in file order. */
    public List<Fact> facts(Topic topic, TreatmentForm form) {
        Objects.requireNonNull(topic, "topic must not be null");
        Objects.requireNonNull(form, "form must not be null");
        return facts.values().stream()
                .filter(f -> f.topic() == topic && f.form().equals(Optional.of(form)))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The screening questions and the texts of the reasons a screening can give. */
    public ScreeningGuide screening() {
        return screening;
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id,
                                            String file, String array) {
        if (items == null || items.isEmpty()) {
            throw new DataFileException(file, "$." + array, "expected at least one entry");
        }
        Map<String, T> byId = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (byId.putIfAbsent(id.apply(item), item) != null) {
                throw new DataFileException(file, "$." + array + "[" + i + "].id",
                        "duplicate id \"" + id.apply(item) + "\"; every id must be unique");
            }
        }
        return java.util.Collections.unmodifiableMap(byId);
    }

    private void checkCitations(List<Fact> factList) {
        for (int i = 0; i < factList.size(); i++) {
            List<SourceRef> refs = factList.get(i).sources();
            for (int j = 0; j < refs.size(); j++) {
                SourceRef ref = refs.get(j);
                String path = "$.facts[" + i + "].sources[" + j + "]";
                Source source = sources.get(ref.source());
                if (source == null) {
                    throw new DataFileException(FACTS_FILE, path + ".source", "cites \"" + ref.source()
                            + "\", which is not in " + SOURCES_FILE + "; expected one of " + sources.keySet());
                }
                ref.study().filter(n -> source.study(n).isEmpty()).ifPresent(n -> {
                    throw new DataFileException(FACTS_FILE, path + ".study", "cites study " + n + " of "
                            + ref.source() + ", which has no such study in " + SOURCES_FILE);
                });
            }
        }
    }

    private void checkScreeningFacts() {
        List<ScreeningGuide.Question> questions = screening.questions();
        Map<ScreeningField, Integer> seen = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            ScreeningGuide.Question q = questions.get(i);
            if (seen.put(q.field(), i) != null) {
                throw new DataFileException(SCREENING_FILE, "$.questions[" + i + "].field",
                        "field \"" + q.field().id() + "\" has a second question; expected one per field");
            }
            for (int j = 0; j < q.facts().size(); j++) {
                if (!facts.containsKey(q.facts().get(j))) {
                    throw new DataFileException(SCREENING_FILE, "$.questions[" + i + "].facts[" + j + "]",
                            "names fact \"" + q.facts().get(j) + "\", which is not in " + FACTS_FILE);
                }
            }
        }
        List<ScreeningField> missing = new ArrayList<>(List.of(ScreeningField.values()));
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty()) {
            throw new DataFileException(SCREENING_FILE, "$.questions",
                    "expected a question for every screening field, but these have none: " + missing);
        }
    }

    record SourcesFile(List<Source> sources) {
    }

    record FactsFile(List<Fact> facts) {
    }
}
