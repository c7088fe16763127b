package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.core.ClinicProfile;

/** The example clinic the README starts the demo with: its own prices, and a result card that can book. */
class ExampleClinicIT {

    static final Path EXAMPLE = Path.of("..", "examples", "example-clinic.json");

    private static ChatServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(ServerConfig.builder().port(0)
                .messagesPerSecond(1000).messageBurst(1000).build(), ClinicProfile.load(EXAMPLE));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theExampleClinicGivesItsOwnPriceAndItsBookingLinkOnTheResult() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode cost = chat.say("how much is an IV infusion?");
            assertEquals("cost", cost.get("intent").asText(), cost.toString());
            assertTrue(cost.get("text").asText().contains("$450"), cost.toString());

            JsonNode reply = chat.say("am I a candidate?");
            for (int i = 0; i < 20 && reply.get("type").asText().equals("question"); i++) {
                String field = reply.get("field").asText();
                reply = chat.say(switch (field) {
                    case "age" -> "41";
                    case "diagnoses" -> i == 2 ? "depression" : "done";
                    case "failedAntidepressantTrials" -> "3";
                    default -> "no";
                });
            }
            assertEquals("may_be_candidate", reply.get("verdict").asText(), reply.toString());
            assertTrue(reply.get("text").asText().contains("https://harborlight.example/book"), reply.toString());
        }
    }
}
