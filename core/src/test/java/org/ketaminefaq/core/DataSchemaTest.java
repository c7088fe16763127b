package org.ketaminefaq.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every data file in faq-data against its JSON Schema: a file that breaks its schema fails the build here.
 */
class DataSchemaTest {

    static final Path DATA_DIR = Path.of("..", "faq-data", "src", "main", "resources", "ketamine-faq");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** Which schema each data file must satisfy, by the file's path under ketamine-faq/. */
    static String schemaFor(String relativePath) {
        if (relativePath.startsWith("profiles/")) {
            return "profile.schema.json";
        }
        if (relativePath.startsWith("intents/")) {
            return "utterances.schema.json";
        }
        if (relativePath.startsWith("subtopics/")) {
            return "subtopics.schema.json";
        }
        return relativePath.replace(".json", ".schema.json");
    }

    static Stream<String> dataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> DATA_DIR.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("schemas/"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("dataFiles")
    void everyDataFileMeetsItsSchema(String file) throws IOException {
        Path schemaFile = DATA_DIR.resolve("schemas").resolve(schemaFor(file));
        assertTrue(Files.exists(schemaFile), file + " has no schema; expected " + schemaFile);

        Set<ValidationMessage> problems = validate(schemaFile, JSON.readTree(DATA_DIR.resolve(file).toFile()));

        assertEquals(Set.of(), problems, file + " breaks " + schemaFile.getFileName());
    }

    @Test
    void aFactWithoutSourcesBreaksTheSchemaAndTheMessageSaysWhere() throws IOException {
        JsonNode facts = JSON.readTree(DATA_DIR.resolve("facts.json").toFile());
        ((ObjectNode) facts.get("facts").get(2)).remove("sources");

        Set<ValidationMessage> problems = validate(DATA_DIR.resolve("schemas/facts.schema.json"), facts);

        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(m -> m.getMessage().contains("$.facts[2]")
                && m.getMessage().contains("sources")), problems.toString());
    }

    @Test
    void aFigureWrittenAsProseInsteadOfDataBreaksTheSchema() throws IOException {
        JsonNode facts = JSON.readTree(DATA_DIR.resolve("facts.json").toFile());
        ((ObjectNode) facts.get("facts").get(0)).put("value", "$400 to $900");

        Set<ValidationMessage> problems = validate(DATA_DIR.resolve("schemas/facts.schema.json"), facts);

        assertTrue(problems.stream().anyMatch(m -> m.getMessage().contains("$.facts[0].value")), problems.toString());
    }

    @Test
    void everySchemaIsUsedByADataFile() throws IOException {
        List<String> used = dataFiles().map(DataSchemaTest::schemaFor).distinct().toList();
        try (Stream<Path> schemas = Files.list(DATA_DIR.resolve("schemas"))) {
            for (Path schema : schemas.toList()) {
                assertTrue(used.contains(schema.getFileName().toString()), schema + " validates no data file");
            }
        }
    }

    private static Set<ValidationMessage> validate(Path schemaFile, JsonNode data) throws IOException {
        JsonSchema schema = SCHEMAS.getSchema(JSON.readTree(schemaFile.toFile()));
        return schema.validate(data);
    }
}
