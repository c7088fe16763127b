package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's errors, which exit before a server starts. Starting and stopping is {@link MainIT}. */
class MainTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new Main());
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        return command.execute(args);
    }

    @Test
    void aProfileThatCannotBeReadIsNamedWithExitCode2(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("clinic.json"), "{\"name\": 42,");
        assertEquals(2, run("--profile", profile.toString()));
        assertTrue(err.toString().startsWith("Cannot use the clinic profile: "), err.toString());
        assertTrue(err.toString().contains("clinic.json"), err.toString());
    }

    @Test
    void aClinicsDirectoryWithABrokenProfileNamesItsFileAndField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("harbor.json"), ClinicDirectoryTest.PROFILE.formatted("Harbor Light", "harbor"));
        Files.writeString(dir.resolve("north-star.json"), ClinicDirectoryTest.PROFILE.formatted("North Star", "north")
                .replace("\"name\"", "\"phone\": 42, \"name\""));
        assertEquals(2, run("--clinics", dir.toString()));
        assertTrue(err.toString().startsWith("Cannot use the clinic profile: "), err.toString());
        assertTrue(err.toString().contains("north-star.json") && err.toString().contains("phone"), err.toString());
    }

    @Test
    void profileAndClinicsTogetherAreRefused(@TempDir Path dir) {
        assertEquals(2, run("--profile", "clinic.json", "--clinics", dir.toString()));
        assertTrue(err.toString().contains("not both"), err.toString());
    }

    @Test
    void anOutOfRangeOptionIsNamedWithExitCode2() {
        assertEquals(2, run("--port", "70000"));
        assertEquals("Invalid option: port must be from 0 (any free port) to 65535, but was 70000",
                err.toString().strip());
    }

    @Test
    void aNativeDirectoryThatCannotBeWrittenIsNamedWithExitCode1(@TempDir Path dir) throws Exception {
        String before = System.getProperty("onnxruntime.native.path");
        Path file = Files.writeString(dir.resolve("not-a-directory"), "");
        try {
            assertEquals(1, run("--port", "0", "--native-dir", file.toString()));
        } finally {
            if (before != null) {
                System.setProperty("onnxruntime.native.path", before);
            }
        }
        assertTrue(err.toString().startsWith("Cannot load the recognizer: Cannot write ONNX Runtime's native libraries"
                + " to " + file), err.toString());
        assertTrue(err.toString().contains("--native-dir"), err.toString());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, run("--colour", "blue"));
        assertTrue(err.toString().contains("'--colour'"), err.toString());
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out, true));
        assertEquals(0, command.execute("--help"));
        for (String option : new String[] {"--host", "--port", "--profile", "--clinics", "--max-message-length", "--max-frame-bytes",
            "--messages-per-second", "--message-burst", "--max-sessions", "--idle-timeout-seconds",
            "--max-unread-reply-bytes", "--max-unread-stall-seconds", "--max-waiting-messages", "--native-dir"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }
}
