package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.chatbot.server.LogCapture;
import org.ketaminefaq.chatbot.server.ServerConfig;

/**
 * Health information leaks nowhere: a unique canary goes through every path a visitor's words can take (chat
 * messages of every kind, screening answers in the chat, resets, bad and oversized frames, invalid UTF-8, binary,
 * fragments, close reasons, pings, handshake headers and URLs, and the screening API's bodies, good, bad, too large,
 * chunked and stalled) with every logger at ALL; it must then appear in no log record, in no file written meanwhile
 * (under the module's directory, where the test reports keep the console), in no reply to another chat open all
 * along, and in no chat
 * reply at all (the bot never repeats what it was told, which also keeps it from reflecting script into a page).
 * Complements {@code server.PrivacyIT}, which covers the well-formed paths.
 */
class CanaryIT {

    private static final String CANARY = "CANARY" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void theCanaryReachesNoLogNoFileAndNoOtherChat() throws Exception {
        // the module's directory, where the server runs, with target/ and the test reports (the logs on the console)
        List<Path> roots = List.of(Path.of("").toAbsolutePath());
        long start = System.currentTimeMillis() - 1000;

        LogCapture.Captured<List<String>> log = LogCapture.during(CanaryIT::sendTheCanaryEverywhere);
        List<String> bystanderSaw = log.result();

        assertTrue(log.sawServerDetail(), "the capture must see the server's FINE records, or it proves nothing");
        assertEquals(List.of(), log.recordsWhere(CanaryIT::hasCanary), "log records with the canary");
        assertEquals(List.of(), filesWithTheCanary(roots, start), "files written during the test with the canary");
        assertFalse(bystanderSaw.isEmpty(), "the bystander chat must have been answered, or it proves nothing");
        assertEquals(List.of(), bystanderSaw.stream().filter(CanaryIT::hasCanary).toList(),
                "another chat's replies with the canary");
    }

    /** Sends the canary down every path; returns what a bystander chat, open all along, received. */
    private static List<String> sendTheCanaryEverywhere() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (ChatServer server = TestServers.start(ServerConfig.builder().port(0)
                .readTimeout(Duration.ofMillis(500)).messagesPerSecond(1000).messageBurst(1000).build(), Chats.clinicProfile())) {
            RawWebSocket bystander = Chats.welcomed(server);
            List<String> bystanderSaw = Collections.synchronizedList(new ArrayList<>());
            ExecutorService listening = Executors.newSingleThreadExecutor();
            Future<?> listener = listening.submit(() -> {
                try {
                    while (true) {
                        bystanderSaw.add(bystander.nextText());
                    }
                } catch (IOException e) {
                    return null; // closed at the end
                }
            });
            try {
                chatPaths(server);
                apiPaths(server, http);
                httpPaths(server, http);
                // what Prometheus would scrape after all of it: counts and labels from fixed sets, never the canary
                String metrics = http.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(metrics.contains("ketamine_faq_messages_total"), "the metrics were scraped: " + metrics);
                assertFalse(hasCanary(metrics), "the canary in /metrics");
                // the bystander, asked again after everything, still gets its own answer and nothing else
                bystander.sendText(ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION));
                Chats.await("the bystander's answer", Chats.TIMEOUT, () -> !bystanderSaw.isEmpty());
            } finally {
                bystander.close();
                listener.cancel(true);
                listening.shutdownNow();
            }
            return List.copyOf(bystanderSaw);
        }
    }

    private static void chatPaths(ChatServer server) throws Exception {
        try (RawWebSocket ws = Chats.welcomed(server)) {
            List<String> replies = new ArrayList<>();
            for (String text : new String[] {
                "how much does ketamine cost " + CANARY, CANARY, "I want to end my life " + CANARY,
                "am I a candidate for ketamine? " + CANARY, "I'm 34 " + CANARY, "no " + CANARY,
                "depression " + CANARY, "I've tried " + CANARY, "<script>" + CANARY + "</script>",
                (CANARY + " ").repeat(100), "stop " + CANARY}) {
                replies.add(Chats.say(ws, text).toString());
            }
            for (String frame : new String[] {
                "{\"type\":\"reset\",\"text\":\"" + CANARY + "\"}", "{\"type\":\"message\",\"text\":\"" + CANARY,
                "{\"type\":\"" + CANARY + "\"}", "{\"" + CANARY + "\":1}", CANARY,
                "{\"type\":\"message\",\"text\":{\"" + CANARY + "\":[" + "9".repeat(80) + "]}}"}) {
                ws.sendText(frame);
                replies.add(ws.nextText());
            }
            // a message in fragments
            ws.sendFrame(false, RawWebSocket.OP_TEXT,
                    "{\"type\":\"message\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            ws.sendFrame(false, RawWebSocket.OP_CONTINUATION, CANARY.getBytes(StandardCharsets.UTF_8));
            ws.sendFrame(true, RawWebSocket.OP_CONTINUATION, "\"}".getBytes(StandardCharsets.UTF_8));
            replies.add(ws.nextText());
            // a ping: the pong repeats its payload to the sender, as RFC 6455 says, and to no one else
            ws.sendFrame(true, RawWebSocket.OP_PING, CANARY.getBytes(StandardCharsets.UTF_8));
            assertEquals(RawWebSocket.OP_PONG, ws.nextFrame().opcode());
            assertEquals(List.of(), replies.stream().filter(CanaryIT::hasCanary).toList(),
                    "the bot must never repeat what it was told");
            // over the limit: closed with 1009
            ws.sendText(ProtocolPropertiesTest.messageFrame((CANARY + " ").repeat(600)));
            assertEquals(1009, ws.awaitClose());
        }
        closedWith(server, 1007, ws -> ws.sendFrame(true, RawWebSocket.OP_TEXT,
                concat(("{\"type\":\"message\",\"text\":\"" + CANARY).getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xFF, '"', '}'})));
        closedWith(server, 1003, ws -> ws.sendFrame(true, RawWebSocket.OP_BINARY,
                CANARY.getBytes(StandardCharsets.UTF_8)));
        closedWith(server, 1002, ws -> ws.sendFrame(true, 0x3, CANARY.getBytes(StandardCharsets.UTF_8)));
        closedWith(server, 1000, ws -> {
            byte[] reason = CANARY.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + reason.length];
            payload[0] = 0x03;
            payload[1] = (byte) 0xE8;
            System.arraycopy(reason, 0, payload, 2, reason.length);
            ws.sendFrame(true, RawWebSocket.OP_CLOSE, payload);
        });
        // the handshake: a refused origin, odd headers, a query string, a subprotocol
        try (RawWebSocket refused = RawWebSocket.handshake(server.chatUri(),
                "https://" + CANARY.toLowerCase(Locale.ROOT) + ".example", 0)) {
            assertEquals(403, refused.status());
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Chats.TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /chat?q=" + CANARY + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: " + CANARY + "\r\nUser-Agent: " + CANARY
                    + "\r\nX-Note: " + CANARY + "\r\nOrigin: " + Chats.origin(server) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            assertFalse(new String(head, StandardCharsets.US_ASCII).isBlank());
        }
    }

    private static void apiPaths(ChatServer server, HttpClient http) throws Exception {
        java.net.URI api = server.uri().resolve("/api/screening");
        for (String body : new String[] {
            "{\"age\":\"" + CANARY + "\"}", "{\"" + CANARY + "\":true}", "{\"age\": " + CANARY,
            "{\"diagnoses\":[\"" + CANARY + "\"]}", CANARY, "{\"porphyria\":false,\"x\":\"" + CANARY + "\"}"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api).header("X-Note", CANARY)
                    .header("User-Agent", CANARY).POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), body);
        }
        byte[] large = ("{\"age\":34,\"note\":\"" + CANARY.repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, http.send(HttpRequest.newBuilder(api).POST(HttpRequest.BodyPublishers.ofByteArray(large))
                .timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(413, http.send(HttpRequest.newBuilder(api).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(large))).timeout(Chats.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        // a body that stops arriving, after the canary
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Chats.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/screening HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"age\":\"" + CANARY)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 408"), response);
        }
        // invalid UTF-8 around it
        assertEquals(400, http.send(HttpRequest.newBuilder(api).POST(HttpRequest.BodyPublishers.ofByteArray(
                concat(("{\"age\":\"" + CANARY).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '"', '}'})))
                .timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static void httpPaths(ChatServer server, HttpClient http) throws Exception {
        assertEquals(404, http.send(HttpRequest.newBuilder(server.uri().resolve("/" + CANARY + "?q=" + CANARY))
                .header("Referer", "https://clinic.example/" + CANARY).timeout(Chats.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri().resolve("/healthz?" + CANARY))
                .timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(hasCanary(health.body()));
    }

    @FunctionalInterface
    private interface Abuse {
        void on(RawWebSocket ws) throws IOException;
    }

    private static void closedWith(ChatServer server, int code, Abuse abuse) throws Exception {
        try (RawWebSocket ws = Chats.welcomed(server)) {
            abuse.on(ws);
            assertEquals(code, ws.awaitClose());
        }
    }

    // ---- where the canary must not be ----

    private static boolean hasCanary(String text) {
        return text.contains(CANARY) || text.toLowerCase(Locale.ROOT).contains(CANARY.toLowerCase(Locale.ROOT));
    }

    /** Files under the roots modified since {@code start} (up to 50 MB each) that hold the canary. */
    private static List<Path> filesWithTheCanary(List<Path> roots, long start) throws IOException {
        List<Path> found = new ArrayList<>();
        byte[] canary = CANARY.getBytes(StandardCharsets.US_ASCII);
        byte[] lower = CANARY.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        for (Path root : roots) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile() && attributes.lastModifiedTime().toMillis() >= start
                            && attributes.size() < 50_000_000) {
                        try {
                            byte[] bytes = Files.readAllBytes(file);
                            if (indexOf(bytes, canary) >= 0 || indexOf(bytes, lower) >= 0) {
                                found.add(file);
                            }
                        } catch (IOException gone) {
                            // deleted or locked meanwhile, by the build: not the server's
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
