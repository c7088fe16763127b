package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side: the screening API, the health check, the demo page and the widget, from a running server. */
class HttpApiIT {

    private static final String CANDIDATE = "{\"age\":34,\"pregnantOrBreastfeeding\":false,"
            + "\"diagnoses\":[\"depression\"],\"failedAntidepressantTrials\":3,\"uncontrolledHypertension\":false,"
            + "\"heartCondition\":false,\"psychosisHistory\":false,\"activeSubstanceUseDisorder\":false,"
            + "\"ketamineAllergyOrAbuse\":false,\"porphyria\":false,\"dementiaOrDelirium\":false,"
            + "\"severeLiverDisease\":false,\"suicidalThoughts\":false}";

    private static ChatServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(ServerConfig.builder().port(0).readTimeout(Duration.ofMillis(500)).build());
        http = HttpClient.newBuilder().connectTimeout(ChatClient.TIMEOUT).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void assessesScreeningAnswers() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(CANDIDATE));
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        JsonNode body = ChatClient.JSON.readTree(response.body());
        assertEquals("may_be_candidate", body.get("verdict").asText());
        assertTrue(body.get("reasons").isArray());
        assertTrue(body.get("resources").isArray());
    }

    @Test
    void suicidalThoughtsBringTheCrisisResources() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(
                CANDIDATE.replace("\"suicidalThoughts\":false", "\"suicidalThoughts\":true")));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("tel:988"), response.body());
    }

    @Test
    void badJsonIs400WithoutAField() throws Exception {
        for (String body : new String[] {"{\"age\":", "not json", "[1,2]", ""}) {
            HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(body));
            assertEquals(400, response.statusCode(), body);
            JsonNode error = ChatClient.JSON.readTree(response.body());
            assertFalse(error.get("error").asText().isBlank());
            assertFalse(error.has("field"), "the input as a whole is at fault: " + response.body());
        }
    }

    @Test
    void anUnknownFieldIs400NamingIt() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("{\"favouriteColour\":\"blue\"}"));
        assertEquals(400, response.statusCode());
        assertEquals("favouriteColour", ChatClient.JSON.readTree(response.body()).get("field").asText());
    }

    @Test
    void aWrongTypeIs400NamingTheField() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString("{\"age\":\"thirty\"}"));
        assertEquals(400, response.statusCode());
        JsonNode error = ChatClient.JSON.readTree(response.body());
        assertEquals("age", error.get("field").asText());
        assertTrue(error.get("error").asText().contains("whole number"), error.toString());
    }

    @Test
    void aBodyThatIsNotUtf8Is400() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xC3, '}'}));
        assertEquals(400, response.statusCode());
    }

    @Test
    void otherMethodsAre405WithAllowPost() throws Exception {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api())
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(ChatClient.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, response.statusCode(), method);
            assertEquals(Optional.of("POST"), response.headers().firstValue("Allow"));
        }
    }

    @Test
    void aBodyOverTheLimitIs413ByItsContentLength() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(padded(64 * 1024 + 1)));
        assertEquals(413, response.statusCode());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        byte[] body = padded(64 * 1024 + 100).getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length goes out chunked, without Content-Length: the server must count
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));
        assertEquals(413, response.statusCode());
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(padded(64 * 1024)));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aBodyThatStopsArrivingTimesOutInsteadOfHoldingTheServer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/screening HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"age\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the rest never comes; the server gives up after its read timeout (500 ms here)
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII); // the server closes
            assertTrue(response.startsWith("HTTP/1.1 408"), response);
        }
        assertEquals(200, post(HttpRequest.BodyPublishers.ofString(CANDIDATE)).statusCode(), "still serving");
    }

    @Test
    void manyScreeningsInARowFromOneClientAllGetTheirAnswerAndTheNextRequestToo() throws Exception {
        // a connection handed back to Grizzly's keep-alive handling after an answer sometimes never read its next
        // request, about one in a thousand here, and the client waited until it gave up: so many rounds
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString(CANDIDATE));
            assertEquals(200, answer.statusCode(), "screening " + i);
            assertEquals(Optional.of("close"), answer.headers().firstValue("Connection"), "screening " + i);
            assertEquals(200, get("/healthz").statusCode(), "the request after screening " + i);
        }
    }

    @Test
    void reportsHealth() throws Exception {
        HttpResponse<String> response = get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\"}", response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void servesTheDemoPageWithTheOneWidgetTag() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"/widget.js\" data-accent=\"#0f4c5c\" async></script>"), page.body());

        HttpResponse<String> widget = get("/widget.js");
        assertEquals(200, widget.statusCode());
        assertTrue(widget.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertTrue(widget.body().contains("'/panel'"), "the launcher opens the panel");
        assertTrue(widget.body().contains("\"href\":\"tel:988\""), "the clinic's crisis card is written in");
    }

    @Test
    void theDemoPageRunsUnderAStrictPolicyOfItsOwn() throws Exception {
        HttpResponse<String> page = get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
                && csp.contains("frame-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertFalse(page.body().contains("<style") || page.body().contains("<script>"), "no inline style or script");
        assertEquals(Optional.of("no-referrer"), page.headers().firstValue("Referrer-Policy"));
        assertEquals(200, get("/demo.css").statusCode());
        assertEquals(200, get("/demo.js").statusCode());
    }

    @Test
    void theChatPanelHasAStrictPolicyTheClinicsCrisisCardAndAssetsThatNeverChange() throws Exception {
        HttpResponse<String> panel = get("/panel");
        assertEquals(200, panel.statusCode());
        String csp = panel.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
                && csp.contains("style-src 'self'") && csp.contains("connect-src 'self'"), csp);
        assertTrue(csp.endsWith("frame-ancestors *"), "the default profile lists no origins: any page: " + csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertTrue(panel.body().contains("\"href\":\"tel:988\""), "the crisis card shows even without a chat");

        java.util.regex.Matcher asset = java.util.regex.Pattern.compile("panel/[0-9a-f]{24}/panel\\.(js|css)")
                .matcher(panel.body());
        int assets = 0;
        while (asset.find()) {
            HttpResponse<String> file = get("/" + asset.group());
            assertEquals(200, file.statusCode(), asset.group());
            assertEquals(Optional.of(StaticFilesHandler.IMMUTABLE), file.headers().firstValue("Cache-Control"));
            assets++;
        }
        assertEquals(2, assets, panel.body());
    }

    @Test
    void onlyTheClinicsPagesMayFrameThePanel() throws Exception {
        try (ChatServer clinic = TestServers.start(ServerConfig.builder().port(0)
                .build(), TestProfiles.clinic())) {
            HttpResponse<String> panel = http.send(HttpRequest.newBuilder(clinic.uri().resolve("/panel"))
                    .timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(panel.headers().firstValue("Content-Security-Policy").orElse("")
                    .endsWith("frame-ancestors 'self' " + TestProfiles.CLINIC_ORIGIN));
            assertTrue(panel.body().contains("\"phone\":\"555-0100\""), panel.body());
        }
    }

    @Test
    void theWidgetGoesOutCompressedWithItsCharsetAndCanBeKeptAndRevalidated() throws Exception {
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(server.uri().resolve("/widget.js"))
                .timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(server.uri().resolve("/widget.js"))
                .header("Accept-Encoding", "gzip, deflate, br").timeout(ChatClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(Optional.of("text/javascript;charset=utf-8"),
                plain.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase()));
        assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"));
        assertEquals(Optional.of("gzip"), gzipped.headers().firstValue("Content-Encoding"));
        assertTrue(gzipped.body().length < plain.body().length / 2, gzipped.body().length + " bytes gzipped");
        try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()), "the same widget, compressed");
        }

        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertEquals(Optional.of(etag), gzipped.headers().firstValue("ETag"));
        assertTrue(plain.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(server.uri().resolve("/widget.js"))
                .header("If-None-Match", etag).timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void pagesThatPinOrIsolateTheirScriptsCanLoadTheWidget() throws Exception {
        HttpResponse<String> widget = get("/widget.js");

        assertEquals(Optional.of("*"), widget.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("cross-origin"), widget.headers().firstValue("Cross-Origin-Resource-Policy"));
        assertEquals(Optional.of("nosniff"), widget.headers().firstValue("X-Content-Type-Options"));
    }

    @Test
    void unknownPathsAreJson404() throws Exception {
        for (String path : new String[] {"/nope", "/web/index.html", "/org/ketaminefaq/chatbot/server/Main.class",
            "/ketamine-faq/profiles/default.json"}) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"), path);
        }
    }

    @Test
    void aPathOutOfTheWebRootGetsNothing() throws Exception {
        // Grizzly refuses to normalise such a path (with a bare 500) before any handler sees it
        HttpResponse<String> response = get("/../pom.xml");
        assertTrue(response.statusCode() >= 400, String.valueOf(response.statusCode()));
        assertFalse(response.body().contains("<project"));
    }

    @Test
    void thePageTakesGetOnly() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(ChatClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("GET, HEAD"), response.headers().firstValue("Allow"));
    }

    /** A valid answers object of exactly {@code bytes} bytes, padded with spaces. */
    private static String padded(int bytes) {
        return CANDIDATE + " ".repeat(bytes - CANDIDATE.length());
    }

    private static URI api() {
        return server.uri().resolve("/api/screening");
    }

    private static HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(api()).header("Content-Type", "application/json").POST(body)
                .timeout(ChatClient.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(ChatClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
