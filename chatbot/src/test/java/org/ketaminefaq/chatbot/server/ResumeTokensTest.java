package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminefaq.chatbot.dialogue.ConversationState;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.TreatmentForm;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;

class ResumeTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final ConversationState MID_SCREENING = new ConversationState(Optional.of(TreatmentForm.IV),
            Optional.of(Intent.COST), Optional.of(ScreeningField.HEART_CONDITION),
            ScreeningAnswers.builder().age(34).diagnoses(Diagnosis.DEPRESSION).failedAntidepressantTrials(3).build(),
            Set.of(Diagnosis.DEPRESSION), false);

    private final ResumeTokens tokens = ResumeTokens.withRandomKey(Duration.ofMinutes(30));

    @Test
    void aTokenGivesBackTheConversationItWasMadeFor() {
        String token = tokens.issue("clinic-a", MID_SCREENING, NOW);
        assertEquals(Optional.of(MID_SCREENING), tokens.read("clinic-a", token, NOW.plusSeconds(60)));
        assertFalse(token.contains("34") || token.contains("heart"), "what it holds cannot be read: " + token);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "base64url, safe in JSON and URLs");
    }

    @Test
    void aForgedExpiredOrForeignTokenGivesNothing(@TempDir Path dir) throws Exception {
        String token = tokens.issue("clinic-a", MID_SCREENING, NOW);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[bytes.length / 2] ^= 1;
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertEquals(Optional.empty(), tokens.read("clinic-a", changed, NOW), "one bit changed");
        assertEquals(Optional.empty(), tokens.read("clinic-a", token, NOW.plus(Duration.ofMinutes(31))), "expired");
        assertEquals(Optional.empty(), tokens.read("clinic-b", token, NOW), "another clinic's");
        assertEquals(Optional.empty(), ResumeTokens.withRandomKey(Duration.ofMinutes(30)).read("clinic-a", token, NOW),
                "another key");
        for (String junk : new String[] {"", "not base64 at all!", "AAAA", "x".repeat(5000)}) {
            assertEquals(Optional.empty(), tokens.read("clinic-a", junk, NOW), junk);
        }
    }

    @Test
    void serversThatShareAKeyFileReadEachOthersTokens(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("raw.key");
        Files.write(raw, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
            24, 25, 26, 27, 28, 29, 30, 31, 32});
        String token = ResumeTokens.fromKeyFile(raw, Duration.ofMinutes(30)).issue("clinic-a", MID_SCREENING, NOW);
        assertEquals(Optional.of(MID_SCREENING),
                ResumeTokens.fromKeyFile(raw, Duration.ofMinutes(30)).read("clinic-a", token, NOW));

        Path base64 = dir.resolve("base64.key");
        Files.writeString(base64, "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n", StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), ResumeTokens.fromKeyFile(base64, Duration.ofMinutes(30))
                .read("clinic-a", token, NOW), "another file, another key");

        Path shortFile = dir.resolve("short.key");
        Files.writeString(shortFile, "too short");
        assertEquals("the resume key file " + shortFile + " holds 9 bytes; expected at least 32 random bytes, such as "
                        + "from head -c 32 /dev/urandom > short.key",
                assertThrows(IllegalArgumentException.class,
                        () -> ResumeTokens.fromKeyFile(shortFile, Duration.ofMinutes(30))).getMessage());
        assertEquals("cannot read the resume key file " + dir.resolve("missing.key") + " (NoSuchFileException)",
                assertThrows(IllegalArgumentException.class,
                        () -> ResumeTokens.fromKeyFile(dir.resolve("missing.key"), Duration.ofMinutes(30))).getMessage());
    }
}
