package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    @Test
    void theLibrariesAreUnpackedOnceIntoTheChosenDirectory(@TempDir Path dir) throws IOException {
        String before = System.getProperty("onnxruntime.native.path");
        try {
            Path loaded = NativeLibraries.prepare(dir, NativeLibraries.platform());
            long modified = Files.getLastModifiedTime(loaded.resolve(System.mapLibraryName("onnxruntime"))).toMillis();

            assertTrue(loaded.startsWith(dir), loaded.toString());
            // named after the libraries themselves, so that a jar with another ONNX Runtime release never loads these
            assertTrue(loaded.getFileName().toString().matches("onnxruntime-[0-9a-f]{8}-"
                    + NativeLibraries.platform()), loaded.toString());
            try (Stream<Path> files = Files.list(loaded)) {
                assertEquals(2, files.count(), "the runtime and its Java binding, nothing half-written");
            }
            assertEquals(loaded, NativeLibraries.prepare(dir, NativeLibraries.platform()));
            assertEquals(modified, Files.getLastModifiedTime(loaded.resolve(System.mapLibraryName("onnxruntime")))
                    .toMillis(), "a second start reuses them");
        } finally {
            if (before != null) {
                System.setProperty("onnxruntime.native.path", before);
            }
        }
    }

    @Test
    void aPlatformTheJarDoesNotCarryIsNamedWithWhatItDoesCarry(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.prepare(dir, "linux-riscv64"));

        assertTrue(e.getMessage().contains("linux-riscv64") && e.getMessage().contains("linux-x64")
                && e.getMessage().contains("linux-aarch64"), e.getMessage());
    }
}
