package org.ketaminefaq.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's Java example true: the README must show ReadmeExample's code, and the code must run. */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("src", "test", "java", "org", "ketaminefaq", "core",
            "ReadmeExample.java");

    @Test
    void theReadmeShowsTheExampleAsItIsCompiled() throws Exception {
        String source = Files.readString(EXAMPLE);
        String example = source.substring(source.indexOf("// README example start") + "// README example start".length(),
                source.indexOf("// README example end")).strip();

        assertTrue(Files.readString(README).contains(example),
                "README.md must contain the code between the markers of " + EXAMPLE + " verbatim");
    }

    @Test
    void theExampleRunsAndPrintsAVerdictThatPointsToAClinician() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ReadmeExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        assertTrue(printed.contains("needs_clinician_review"), printed);
        assertTrue(printed.contains("failedAntidepressantTrials: "), printed);
        assertTrue(printed.contains("side-effect facts"), printed);
    }
}
