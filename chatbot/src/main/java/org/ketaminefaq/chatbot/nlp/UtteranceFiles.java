package org.ketaminefaq.chatbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ketaminefaq.core.DataFileException;

/** Reads the training and evaluation utterances that ship in ketamine-faq-data. */
public final class UtteranceFiles {

    public static final String TRAINING = "ketamine-faq/intents/training.json";
    public static final String EVALUATION = "ketamine-faq/intents/evaluation.json";

    private UtteranceFiles() {
    }

    public static List<LabelledUtterance> training() {
        return load(TRAINING);
    }

    public static List<LabelledUtterance> evaluation() {
        return load(EVALUATION);
    }

    /** Reads a file of the shape {@code {"intents":[{"intent":"cost","utterances":["..."]}]}} from the classpath. */
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
                for (JsonNode text : intents.get(i).path("utterances")) {
                    all.add(new LabelledUtterance(intent, text.asText()));
                }
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
