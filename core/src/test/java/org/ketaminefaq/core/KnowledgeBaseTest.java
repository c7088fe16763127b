package org.ketaminefaq.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KnowledgeBaseTest {

    private static final KnowledgeBase KB = KnowledgeBase.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicHasSourcedFacts(Topic topic) {
        assertFalse(KB.facts(topic).isEmpty(), "no facts on " + topic.id());
        for (Fact fact : KB.facts(topic)) {
            assertFalse(fact.sources().isEmpty());
            assertFalse(Citation.of(KB, fact.sources()).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TreatmentForm.class)
    void everyFormHasFactsOfItsOwn(TreatmentForm form) {
        assertFalse(KB.facts(Topic.FORMS, form).isEmpty(), "no facts on the form " + form.id());
    }

    @Test
    void costFiguresAreDataWithTheirSourceAndDisagreeingSourcesAreBothKept() {
        Set<String> sourcesOfIvCost = KB.facts(Topic.COST, TreatmentForm.IV).stream()
                .filter(f -> f.value().map(q -> q.unit() == Unit.USD).orElse(false))
                .flatMap(f -> f.sources().stream().map(SourceRef::source))
                .collect(Collectors.toSet());

        assertTrue(sourcesOfIvCost.size() >= 2, "IV cost should come from two sources: " + sourcesOfIvCost);
    }

    @Test
    void studiesCitedByArticle003ResolveToTheirCitation() {
        Fact cited = KB.facts().stream().filter(f -> f.sources().stream().anyMatch(s -> s.study().isPresent()))
                .findFirst().orElseThrow();

        Citation citation = Citation.of(KB, cited.sources()).stream().filter(c -> c.study().isPresent())
                .findFirst().orElseThrow();
        assertEquals("003_1439dfc55acb4c08", citation.id());
        assertTrue(citation.study().orElseThrow().length() > 20);
    }

    @Test
    void aCopyInADirectoryLoadsTheSameFacts(@TempDir Path dir) {
        KnowledgeBase copy = KnowledgeBase.fromDirectory(TestData.copyKnowledgeTo(dir));

        assertEquals(KB.facts(), copy.facts());
        assertEquals(KB.sources(), copy.sources());
    }

    @Test
    void aCopyFromStreamsLoadsTheSameFacts() {
        KnowledgeBase copy = KnowledgeBase.fromStreams(stream(TestData.resource("sources.json")),
                stream(TestData.resource("facts.json")), stream(TestData.resource("screening.json")));

        assertEquals(KB.facts(), copy.facts());
    }

    @Test
    void aFactWithAnUnknownTopicNamesFilePathAndExpectedValues(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        editFirstFact(dir, fact -> fact.put("topic", "prices"));

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertTrue(e.getMessage().startsWith(dir.resolve("facts.json") + " at $.facts[0].topic"), e.getMessage());
        assertTrue(e.getMessage().contains("\"prices\""), e.getMessage());
        assertTrue(e.getMessage().contains("what_is_ketamine"), e.getMessage());
    }

    @Test
    void aFactWithoutTextSaysWhichFieldIsMissing(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        editFirstFact(dir, fact -> fact.remove("text"));

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertTrue(e.getMessage().contains("$.facts[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required field \"text\""), e.getMessage());
    }

    @Test
    void aFactWithAnUnknownFieldIsRefused(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        editFirstFact(dir, fact -> fact.put("colour", "blue"));

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertTrue(e.getMessage().contains("$.facts[0].colour: unknown field \"colour\""), e.getMessage());
    }

    @Test
    void aFactCitingAnUnlistedSourceIsRefused(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        editFirstFact(dir, fact -> ((ObjectNode) fact.get("sources").get(0)).put("source", "999_0000000000000000"));

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertEquals("$.facts[0].sources[0].source", e.jsonPath());
        assertTrue(e.getMessage().contains("999_0000000000000000"), e.getMessage());
    }

    @Test
    void aFactCitingAStudyTheArticleDoesNotHaveIsRefused(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        editFirstFact(dir, fact -> {
            ObjectNode ref = (ObjectNode) fact.get("sources").get(0);
            ref.put("source", "003_1439dfc55acb4c08");
            ref.put("study", 500);
        });

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertEquals("$.facts[0].sources[0].study", e.jsonPath());
    }

    @Test
    void aRangeWithMinAboveMaxIsRefused(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        editFirstFact(dir, fact -> fact.putObject("value").put("min", 900).put("max", 400).put("unit", "USD"));

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertTrue(e.getMessage().contains("$.facts[0].value"), e.getMessage());
        assertTrue(e.getMessage().contains("min must not be greater than max"), e.getMessage());
    }

    @Test
    void aFileThatIsNotJsonSaysWhereItBreaks(@TempDir Path dir) throws Exception {
        TestData.copyKnowledgeTo(dir);
        Files.writeString(dir.resolve("facts.json"), "{\"facts\": [");

        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        DataFileException e = assertThrows(DataFileException.class, () -> KnowledgeBase.fromDirectory(dir));

        assertTrue(e.getMessage().contains("sources.json"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static void editFirstFact(Path dir, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        Path facts = dir.resolve("facts.json");
        ObjectNode root = (ObjectNode) JSON.readTree(facts.toFile());
        edit.accept((ObjectNode) root.get("facts").get(0));
        Files.writeString(facts, JSON.writeValueAsString(root));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
