package org.ketaminefaq.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program of another module, with {@code requires ketamine.faq.core} and nothing else, compiled and run on the
 * module path against the packaged jars: the README example, as a user of the Java module system would run it.
 */
class ModulePathIT {

    /** What the library needs at run time, besides itself: its data and Jackson. */
    private static final List<String> NEEDED = List.of("ketamine-faq-data", "jackson-core", "jackson-databind",
            "jackson-annotations", "jackson-datatype-jdk8");

    @Test
    void theReadmeExampleRunsOnTheModulePathWithOneRequires(@TempDir Path dir) throws Exception {
        List<Path> modulePath = new ArrayList<>(libraryJars());
        modulePath.add(0, coreJar());
        String path = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));

        Path sources = dir.resolve("src");
        Files.createDirectories(sources.resolve("example"));
        Files.writeString(sources.resolve("module-info.java"), "module example { requires ketamine.faq.core; }");
        Files.writeString(sources.resolve("example/ReadmeExample.java"),
                Files.readString(Path.of("src/test/java/org/ketaminefaq/core/ReadmeExample.java"))
                        .replace("package org.ketaminefaq.core;", "package example;"));
        Path classes = dir.resolve("classes");
        String compiled = jdkTool("javac", "--module-path", path, "-d", classes.toString(),
                sources.resolve("module-info.java").toString(), sources.resolve("example/ReadmeExample.java").toString());
        assertEquals("", compiled, "the example compiles against the module ketamine.faq.core");

        String output = jdkTool("java", "--module-path", classes + File.pathSeparator + path,
                "-m", "example/example.ReadmeExample");
        assertTrue(output.contains("side-effect facts"), output);
        assertTrue(output.contains("needs_clinician_review"), output);
    }

    /** Runs a tool of the JDK that runs the test, and returns what it printed; fails the test if it fails. */
    private static String jdkTool(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), tool + " ran too long");
        assertEquals(0, process.exitValue(), tool + " failed: " + output);
        return output;
    }

    /** The jar this build made of the library. */
    private static Path coreJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("ketamine-faq-core-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run after package: no core jar in target"));
        }
    }

    /** The data and Jackson, from the test's own class and module paths. */
    private static List<Path> libraryJars() {
        String both = System.getProperty("java.class.path", "") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        List<Path> found = new ArrayList<>();
        for (String entry : both.split(File.pathSeparator)) {
            String name = Path.of(entry.isEmpty() ? "." : entry).toString();
            if (NEEDED.stream().anyMatch(name::contains) && found.stream().noneMatch(p -> p.toString().equals(name))) {
                found.add(Path.of(name));
            }
        }
        assertTrue(found.size() >= NEEDED.size(), "found only " + found);
        return found;
    }
}
