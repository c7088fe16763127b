package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing a visitor types or answers reaches a log or a file, at any log level: a unique canary goes through every
 * path (chat messages, a screening, a reset, bad and too-long frames, the screening API, URLs) with every logger and
 * handler at ALL, and must appear in no log record and in no file written meanwhile under the working directory.
 */
class PrivacyIT {

    private static final String CANARY = "CANARY" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void theCanaryReachesNoLogAndNoFile() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Map<Path, FileTime> before = snapshot(workingDirectory);
        long start = System.currentTimeMillis();

        LogCapture.Captured<Void> log = LogCapture.during(() -> {
            sendTheCanaryEverywhere();
            return null;
        });

        assertTrue(log.sawServerDetail(), "the capture must see the server's FINE records, or it proves nothing");
        assertEquals(List.of(), log.recordsWhere(PrivacyIT::containsCanary), "log records with the canary");

        List<Path> files = new ArrayList<>();
        for (Map.Entry<Path, FileTime> file : snapshot(workingDirectory).entrySet()) {
            FileTime old = before.get(file.getKey());
            boolean written = old == null || !old.equals(file.getValue()) || file.getValue().toMillis() >= start;
            if (written && Files.size(file.getKey()) < 50_000_000
                    && containsCanary(new String(Files.readAllBytes(file.getKey()), StandardCharsets.ISO_8859_1))) {
                files.add(file.getKey());
            }
        }
        assertEquals(List.of(), files, "files written during the test with the canary");
    }

    private static void sendTheCanaryEverywhere() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (ChatServer server = TestServers.start(ServerConfig.builder().port(0)
                .messagesPerSecond(1000).messageBurst(1000).build(), TestProfiles.clinic())) {
            try (ChatClient chat = ChatClient.welcomed(server)) {
                assertEquals("answer", chat.say("how much does ketamine cost " + CANARY).get("type").asText());
                chat.say(CANARY);                                                      // fallback
                assertEquals("crisis", chat.say("I want to end my life " + CANARY).get("type").asText());
                assertEquals("question", chat.say("am I a candidate for ketamine? " + CANARY).get("type").asText());
                chat.say("I'm 34 " + CANARY);                                          // screening answers
                chat.say("no " + CANARY);
                chat.say("depression " + CANARY);
                chat.sendRaw("{\"type\":\"reset\",\"text\":\"" + CANARY + "\"}");
                assertEquals("welcome", chat.next().get("type").asText());
                chat.sendRaw("{\"type\":\"message\",\"text\":\"" + CANARY);           // bad JSON
                assertEquals("bad_json", chat.next().get("code").asText());
                chat.sendRaw("{\"type\":\"message\",\"text\":{\"" + CANARY + "\":1}}");
                assertEquals("bad_json", chat.next().get("code").asText());
                chat.sendRaw("{\"type\":\"" + CANARY + "\"}");
                assertEquals("unknown_type", chat.next().get("code").asText());
                assertEquals("too_long", chat.say((CANARY + " ").repeat(40)).get("code").asText());
                chat.sendRaw(JsonNodeFactory.instance.objectNode().put("type", "message")
                        .put("text", (CANARY + " ").repeat(600)).toString());                  // over 16 KB: 1009
                chat.closeReason();
            }
            try (ChatClient chat = ChatClient.welcomed(server)) {
                chat.session().getBasicRemote().sendBinary(ByteBuffer.wrap(CANARY.getBytes(StandardCharsets.UTF_8)));
                chat.closeReason();
            }
            try (ChatClient chat = ChatClient.connect(server, "https://" + CANARY.toLowerCase(Locale.ROOT)
                    + ".example")) {
                chat.closeReason();
            } catch (jakarta.websocket.DeploymentException refused) {
                // refused, as it should be
            }

            for (String body : new String[] {"{\"age\":\"" + CANARY + "\"}", "{\"" + CANARY + "\":true}",
                "{\"age\": " + CANARY, "{\"diagnoses\":[\"" + CANARY + "\"]}", CANARY}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/screening"))
                        .header("X-Note", CANARY).POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, response.statusCode(), body);
            }
            assertEquals(404, http.send(HttpRequest.newBuilder(server.uri().resolve("/" + CANARY + "?q=" + CANARY))
                    .timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    private static boolean containsCanary(String text) {
        return text.contains(CANARY) || text.toLowerCase(Locale.ROOT).contains(CANARY.toLowerCase(Locale.ROOT));
    }

    private static Map<Path, FileTime> snapshot(Path directory) throws IOException {
        Map<Path, FileTime> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    files.put(path, Files.getLastModifiedTime(path));
                }
            }
        }
        return files;
    }
}
