package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminefaq.core.DataFileException;

/** {@code --clinics DIR}: one profile per file, the file name as the clinic's id, and every mistake named. */
class ClinicDirectoryTest {

    static final String PROFILE = "{\"name\": \"%s\", \"allowedOrigins\": [\"https://%s.example\"], "
            + "\"crisis\": {\"country\": \"US\", \"emergencyNumber\": \"911\", \"resources\": [{\"name\": \"988 Lifeline\", "
            + "\"contact\": \"Call or text 988\", \"href\": \"tel:988\"}]}}";

    @TempDir
    Path dir;

    @Test
    void everyJsonFileIsAClinicNamedByItsFile() throws Exception {
        Files.writeString(dir.resolve("north-star.json"), PROFILE.formatted("North Star", "northstar"));
        Files.writeString(dir.resolve("harbor.json"), PROFILE.formatted("Harbor Light", "harbor"));
        Files.writeString(dir.resolve("README.txt"), "not a profile");
        var clinics = ClinicDirectory.load(dir);
        assertEquals(List.of("harbor", "north-star"), List.copyOf(clinics.keySet()));
        assertEquals("North Star", clinics.get("north-star").name().orElseThrow());
    }

    @Test
    void aFileNameThatCannotBeAnIdIsNamed() throws Exception {
        Files.writeString(dir.resolve("Harbor Light.json"), PROFILE.formatted("Harbor Light", "harbor"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClinicDirectory.load(dir));
        assertTrue(e.getMessage().contains("Harbor Light.json"), e.getMessage());
        assertTrue(e.getMessage().contains("lower-case letters, digits and hyphens"), e.getMessage());
    }

    @Test
    void aProfileThatDoesNotLoadNamesTheFileAndTheField() throws Exception {
        Files.writeString(dir.resolve("harbor.json"), PROFILE.formatted("Harbor Light", "harbor"));
        Files.writeString(dir.resolve("broken.json"), PROFILE.formatted("Broken", "broken")
                .replace("[\"https://broken.example\"]", "\"not a list\""));
        DataFileException e = assertThrows(DataFileException.class, () -> ClinicDirectory.load(dir));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("allowedOrigins"), e.getMessage());
    }

    @Test
    void anEmptyOrMissingDirectoryIsRefused() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ClinicDirectory.load(dir));
        assertTrue(empty.getMessage().contains("holds no clinic profile"), empty.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ClinicDirectory.load(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("is not a directory"), missing.getMessage());
    }
}
