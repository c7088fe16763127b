package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason.CloseCodes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator starts it: {@code java -jar target/ketamine-faq-chatbot.jar}. It prints its
 * addresses, serves the page from inside the jar, chats, and on SIGTERM closes open chats with 1001 and exits.
 */
class MainIT {

    private static final Path JAR = Path.of("target", "ketamine-faq-chatbot.jar");

    @Test
    void theJarServesChatsAndStopsCleanlyOnSigterm() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built by the package phase");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<URI> chatUri = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        if (line.startsWith("Chat:")) {
                            chatUri.complete(URI.create(line.substring("Chat:".length()).trim()));
                        }
                    }
                } catch (java.io.IOException e) {
                    chatUri.completeExceptionally(e);
                }
                chatUri.completeExceptionally(new AssertionError("the jar printed no chat address:\n" + output));
            }, "jar-output");
            reader.setDaemon(true);
            reader.start();

            URI chat = chatUri.get(60, TimeUnit.SECONDS);
            URI page = URI.create("http://" + chat.getHost() + ":" + chat.getPort() + "/");
            synchronized (output) {
                assertTrue(output.toString().contains("Demo page:  " + page), output.toString());
            }

            HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page)
                    .timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<script src=\"/widget.js\" data-accent=\"#0f4c5c\" async></script>"));

            try (ChatClient visitor = ChatClient.connect(chat, "http://" + chat.getHost() + ":" + chat.getPort())) {
                assertEquals("welcome", visitor.next().get("type").asText());
                assertEquals("cost", visitor.say("how much does ketamine therapy cost?").get("intent").asText());

                process.destroy(); // SIGTERM
                assertEquals(CloseCodes.GOING_AWAY.getCode(), visitor.closeReason().getCloseCode().getCode());
            }
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server exits after SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theJarServesEveryClinicOfADirectory(@TempDir Path clinics) throws Exception {
        // the README's example clinics
        for (String id : List.of("harbor-light", "north-star")) {
            Files.copy(Path.of("..", "examples", "clinics", id + ".json"), clinics.resolve(id + ".json"));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--port", "0",
                "--clinics", clinics.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Map<String, URI> chats = new TreeMap<>();
            Pattern clinicLine = Pattern.compile("Clinic (\\S+): test page (\\S+), chat (\\S+)");
            for (String line; chats.size() < 2 && (line = lines.readLine()) != null; ) {
                Matcher m = clinicLine.matcher(line);
                if (m.matches()) {
                    chats.put(m.group(1), URI.create(m.group(3)));
                }
            }
            assertEquals(List.of("harbor-light", "north-star"), List.copyOf(chats.keySet()));
            for (URI chat : chats.values()) {
                try (ChatClient visitor = ChatClient.connect(chat, "http://" + chat.getHost() + ":" + chat.getPort())) {
                    assertEquals("welcome", visitor.next().get("type").asText());
                    assertEquals("cost", visitor.say("how much does ketamine therapy cost?").get("intent").asText());
                }
            }
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server exits after SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }
}
