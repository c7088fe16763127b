package org.ketaminefaq.chatbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketaminefaq.core.DataFileException;

/**
 * Reads the labelled messages that ship in ketamine-faq-data: three files with three jobs. The models learn from the
 * training set; thresholds, margins and weights are chosen on the development set; the test set is only ever
 * reported, never used to choose anything.
 */
public final class UtteranceFiles {

    public static final String TRAINING = "ketamine-faq/intents/training.json";
    public static final String DEVELOPMENT = "ketamine-faq/intents/development.json";
    public static final String TEST = "ketamine-faq/intents/test.json";

    private UtteranceFiles() {
    }

    /** What the models learn from. */
    public static List<LabelledUtterance> training() {
        return load(TRAINING);
    }

    /** What thresholds, margins and weights are chosen on. */
    public static List<LabelledUtterance> development() {
        return load(DEVELOPMENT);
    }

    /** What is only ever reported. */
    public static List<LabelledUtterance> test() {
        return load(TEST);
    }

    /**
     * Reads a file of the shape {@code {"intents":[{"intent":"cost","utterances":["...", {"text":"...",
     * "notes":["typo"], "also":"insurance"}]}]}} from the classpath.
     */
    public static List<LabelledUtterance> load(String resource) {
        try (InputStream in = UtteranceFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataFileException(resource, "$", "not found on the classpath");
            }
            JsonNode intents = new ObjectMapper().readTree(in).path("intents");
            List<LabelledUtterance> all = new ArrayList<>();
            for (int i = 0; i < intents.size(); i++) {
                String id = intents.get(i).path("intent").asText();
                String path = "$.intents[" + i + "].intent";
                Intent intent = Intent.byId(id).orElseThrow(() -> new DataFileException(resource, path,
                        "unknown intent \"" + id + "\"; expected one of the ids of " + Intent.class.getName()));
                JsonNode utterances = intents.get(i).path("utterances");
                for (int u = 0; u < utterances.size(); u++) {
                    all.add(utterance(resource, "$.intents[" + i + "].utterances[" + u + "]", intent,
                            utterances.get(u)));
                }
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static LabelledUtterance utterance(String resource, String path, Intent intent, JsonNode node) {
        if (node.isTextual()) {
            return new LabelledUtterance(intent, node.asText());
        }
        List<String> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(n.asText()));
        Optional<Intent> also = Optional.empty();
        if (node.has("also")) {
            String id = node.get("also").asText();
            also = Optional.of(Intent.byId(id).orElseThrow(() -> new DataFileException(resource, path + ".also",
                    "unknown intent \"" + id + "\"; expected one of the ids of " + Intent.class.getName())));
        }
        return new LabelledUtterance(intent, node.path("text").asText(), notes, also);
    }
}
