package org.ketaminefaq.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies of the shipped data files for tests that break one of them on purpose. */
final class TestData {

    static final List<String> KNOWLEDGE_FILES = List.of("sources.json", "facts.json", "screening.json");

    private TestData() {
    }

    static String resource(String name) {
        try (InputStream in = TestData.class.getClassLoader().getResourceAsStream(KnowledgeBase.RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the shipped knowledge files into {@code dir}. */
    static Path copyKnowledgeTo(Path dir) {
        try {
            for (String name : KNOWLEDGE_FILES) {
                Files.writeString(dir.resolve(name), resource(name));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
