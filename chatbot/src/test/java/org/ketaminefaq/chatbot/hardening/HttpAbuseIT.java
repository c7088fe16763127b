package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.chatbot.server.ServerConfig;

/**
 * Abuse of {@code POST /api/screening}: bad JSON, unknown fields, wrong types, bodies over 64 KB (announced, chunked,
 * or under a lying {@code Content-Length}), wrong methods, and bodies that arrive slowly or never. Each gets its
 * JSON error with the documented status, and after each the server is still healthy: {@code /healthz} answers and a
 * good screening is assessed.
 */
class HttpAbuseIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final String GOOD = "{\"age\":34,\"diagnoses\":[\"depression\"],\"failedAntidepressantTrials\":3}";
    private static final List<String> YES_NO_FIELDS = List.of("pregnantOrBreastfeeding", "uncontrolledHypertension",
            "heartCondition", "psychosisHistory", "activeSubstanceUseDisorder", "ketamineAllergyOrAbuse", "porphyria",
            "dementiaOrDelirium", "severeLiverDisease", "suicidalThoughts");

    private static ChatServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.start(ServerConfig.builder().port(0).readTimeout(READ_TIMEOUT).build());
        http = HttpClient.newBuilder().connectTimeout(Chats.TIMEOUT).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void theServerIsStillHealthy() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(server.uri().resolve("/healthz")));
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
        assertEquals(200, post(GOOD).statusCode());
    }

    @Test
    void badJsonIs400WithAJsonError() throws Exception {
        String[] bodies = {"", " ", "{", "}", "[]", "null", "1", "\"x\"", "{\"age\":}", "{'age':1}", "{\"age\":NaN}",
            "{\"age\":1,}", "\uFEFF{}", "{\"age\":34} x", "{\"age\":34}{}", "{\"age\":1,\"age\":2}", "[".repeat(60_000),
            "{\"age\":" + "1".repeat(60_000) + "}", "{\"a\":".repeat(10_000), "\u0000", "{\"age\":34 /* */}"};
        for (String body : bodies) {
            assertJsonError(post(body), 400, null, abbreviate(body));
        }
    }

    @Test
    void unknownFieldsAre400NamingTheField() throws Exception {
        for (String field : new String[] {"favouriteColour", "Age", "AGE", "age ", "__proto__", "constructor", "",
            "\u202Eega", "diagnosis", "x".repeat(5000)}) {
            String body = Chats.JSON.createObjectNode().put(field, 1).toString();
            assertJsonError(post(body), 400, field, abbreviate(body));
        }
    }

    @Test
    void wrongTypesAre400NamingTheField() throws Exception {
        Map<String, List<String>> wrong = Map.of(
                "age", List.of("\"34\"", "34.5", "-1", "131", "1e10", "true", "[]", "{}", "99999999999999999999"),
                "failedAntidepressantTrials", List.of("\"three\"", "-3", "101", "2.5", "false", "[3]"),
                "diagnoses", List.of("\"depression\"", "[1]", "[\"nope\"]", "[null]", "{}", "true", "[[\"ptsd\"]]"));
        for (Map.Entry<String, List<String>> field : wrong.entrySet()) {
            for (String value : field.getValue()) {
                assertJsonError(post("{\"" + field.getKey() + "\":" + value + "}"), 400, field.getKey(), value);
            }
        }
        for (String field : YES_NO_FIELDS) {
            for (String value : List.of("\"yes\"", "\"true\"", "1", "0", "[]", "{}", "\"\"")) {
                assertJsonError(post("{\"" + field + "\":" + value + "}"), 400, field, value);
            }
        }
    }

    @Test
    void bodiesOverTheLimitAre413HoweverTheyAreSent() throws Exception {
        int limit = ServerConfig.DEFAULT_MAX_REQUEST_BYTES;
        String over = GOOD + " ".repeat(limit + 1 - GOOD.length());
        // announced by Content-Length
        assertJsonError(post(over), 413, null, "Content-Length over the limit");
        // sent in chunks, with no length announced: the server counts
        byte[] bytes = (GOOD + " ".repeat(4 * limit)).getBytes(StandardCharsets.UTF_8);
        assertJsonError(send(HttpRequest.newBuilder(api()).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bytes)))), 413, null, "chunked");
        // a Content-Length no one could send: refused at once, and the connection closed rather than read to its end
        long begin = System.nanoTime();
        assertTrue(rawExchange("POST /api/screening HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999999\r\n\r\n{")
                .startsWith("HTTP/1.1 413"));
        assertTrue(System.nanoTime() - begin < Chats.TIMEOUT.toNanos() / 3, "the server must close after its 413");
        // one over the limit that stops coming: when the time is up, still 413, for it is too large either way
        String stalled = rawExchange("POST /api/screening HTTP/1.1\r\nHost: x\r\nContent-Length: " + (2 * limit)
                + "\r\n\r\n" + " ".repeat(limit + 100));
        assertTrue(stalled.startsWith("HTTP/1.1 413"), abbreviate(stalled));
        // and one that says less than what follows: the rest is not the body
        String lying = rawExchange("POST /api/screening HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n"
                + "Connection: close\r\n\r\n{\"age\":34}  " + "x".repeat(200_000));
        assertTrue(lying.startsWith("HTTP/1.1 200"), "only the announced 12 bytes are the body: " + abbreviate(lying));
    }

    @Test
    void otherMethodsAre405WithAllowPost() throws Exception {
        for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO"}) {
            // Grizzly itself refuses a GET or DELETE with a body (a bare 400, before any handler): they go without
            HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(GOOD);
            HttpResponse<String> response = send(HttpRequest.newBuilder(api()).method(method, body));
            assertJsonError(response, 405, null, method);
            assertEquals(Optional.of("POST"), response.headers().firstValue("Allow"), method);
        }
        HttpResponse<String> head = send(HttpRequest.newBuilder(api()).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, head.statusCode());
    }

    @Test
    void aBodyThatStopsArrivingGets408AndTheConnectionIsClosed() throws Exception {
        long begin = System.nanoTime();
        String response = rawExchange("POST /api/screening HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"age\":");
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertTrue(response.startsWith("HTTP/1.1 408"), abbreviate(response));
        assertTrue(response.contains("\"error\""), response);
        assertTrue(seconds < READ_TIMEOUT.toSeconds() + 5, "408 after " + seconds + " s");
    }

    @Test
    void aBodyJustOverTheLimitAlwaysGetsItsAnswerRatherThanAConnectionReset() throws Exception {
        // closing with the rest of the body unread made the kernel reset the connection, and the client lost the 413
        // it had been sent: about one request in a hundred here, so many requests
        String over = GOOD + " ".repeat(ServerConfig.DEFAULT_MAX_REQUEST_BYTES + 1 - GOOD.length());
        for (int i = 0; i < 300; i++) {
            assertEquals(413, post(over).statusCode(), "request " + i);
        }
    }

    @Test
    void bodiesDrippedAByteAtATimeGet408AfterTheReadTimeoutAndHoldNoThread() throws Exception {
        // each byte comes well within the read timeout, so only a deadline for the whole body stops them; and more
        // of them than Grizzly has worker threads: a blocking read of each would stop the server
        int drips = 2 * Runtime.getRuntime().availableProcessors() + 4;
        ExecutorService pool = Executors.newFixedThreadPool(drips);
        try {
            List<Future<String>> responses = new ArrayList<>();
            long begin = System.nanoTime();
            for (int i = 0; i < drips; i++) {
                responses.add(pool.submit(() -> drip(Duration.ofMillis(100))));
            }
            Thread.sleep(READ_TIMEOUT.toMillis() / 2);
            // meanwhile, the server serves everyone else at once
            long healthBegin = System.nanoTime();
            assertEquals(200, send(HttpRequest.newBuilder(server.uri().resolve("/healthz"))).statusCode());
            double healthMillis = (System.nanoTime() - healthBegin) / 1e6;
            try (RawWebSocket chat = Chats.welcomed(server)) {
                chat.readTimeout(Duration.ofSeconds(5));
                Chats.assertAnswersTheCostQuestion(chat);
            }
            for (Future<String> response : responses) {
                String text = response.get(30, TimeUnit.SECONDS);
                assertTrue(text.startsWith("HTTP/1.1 408"), abbreviate(text));
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf(Locale.ROOT, "[hardening] %d bodies dripped a byte per 100 ms: all 408 within %.1f s "
                    + "(read timeout %d s); /healthz meanwhile in %.1f ms%n", drips, seconds, READ_TIMEOUT.toSeconds(),
                    healthMillis);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends a request head announcing a 60 KB body, then a byte of it every {@code pause}; returns the response. */
    private static String drip(Duration pause) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Chats.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/screening HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            long deadline = System.nanoTime() + Chats.TIMEOUT.toNanos();
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < deadline) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    break; // the server answered and closed; the answer is waiting to be read
                }
                Thread.sleep(pause.toMillis());
                if (in.available() > 0) {
                    int n = in.read(buffer);
                    response.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    break;
                }
            }
            try {
                response.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            } catch (IOException reset) {
                // the server reset the connection after its answer: what was read is the answer
            }
            return response.toString();
        }
    }

    // ---- helpers ----

    private static java.net.URI api() {
        return server.uri().resolve("/api/screening");
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return send(HttpRequest.newBuilder(api()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON error of the API: the status, {@code {"error":"..."}} and the field at fault (or none). */
    private static void assertJsonError(HttpResponse<String> response, int status, String field, String what)
            throws Exception {
        assertEquals(status, response.statusCode(), what + ": " + abbreviate(response.body()));
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"), what);
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"), what);
        assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"), what);
        JsonNode error = Chats.JSON.readTree(response.body());
        assertFalse(error.path("error").asText().isBlank(), what + ": " + response.body());
        if (field == null) {
            assertFalse(error.has("field"), what + ": " + abbreviate(response.body()));
        } else {
            assertEquals(field, error.path("field").asText(), what + ": " + abbreviate(response.body()));
        }
    }

    /** Writes a raw request and reads the response until the server closes the connection or 15 s pass. */
    private static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Chats.TIMEOUT.toMillis());
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may answer and close before all of a large request is written
            }
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) != -1) {
                    response.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // a reset after the response
            }
            return response.toString();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "... (" + text.length() + " chars)" : text;
    }
}
