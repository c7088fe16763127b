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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
}
