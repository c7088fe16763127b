package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.core.CrisisResource;

class ClinicCardTest {

    @Test
    void profileTextCannotCloseThePanelsDataBlockOrEndALineOfTheLauncherScript() throws Exception {
        String name = "</script><script>alert(1)</script> & \u2028 Line";
        ClinicCard card = new ClinicCard(Optional.of("555-0100"), "Not for emergencies: call 911.",
                List.of(new CrisisResource(name, "Call 988", "tel:988")));

        String json = card.json();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        JsonNode read = new ObjectMapper().readTree(json);
        assertEquals(name, read.path("resources").path(0).path("name").asText(), "the same words once read");
        assertEquals("555-0100", read.path("phone").asText());
    }
}
