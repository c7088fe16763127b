package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.DeploymentException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.glassfish.tyrus.core.HandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.CrisisResource;

/**
 * Clinics on one server, as {@code --clinics DIR} mounts them: each under {@code /c/{id}/} with its own crisis
 * lines, origins, screening API, panel and demo page, sharing {@code /widget.js}; unknown ids get 404.
 */
class MultiClinicIT {

    private static final String HARBOR_SITE = TestProfiles.CLINIC_ORIGIN;
    private static final String NORTH_SITE = "https://northstar.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ChatServer server;

    @BeforeAll
    static void start() throws Exception {
        ClinicProfile northStar = ClinicProfile.builder().name("North Star Clinic").phone("020 7946 0000")
                .allowedOrigins(NORTH_SITE)
                .crisis(new ClinicProfile.Crisis("GB", "999", List.of(
                        new CrisisResource("Samaritans", "Call 116 123, free, day or night", "tel:116123"))))
                .build();
        server = ChatServer.create(ServerConfig.builder().port(0).build())
                .clinic("harbor", ClinicChat.of(TestProfiles.clinic()))
                .clinic("north-star", ClinicChat.of(northStar))
                .clinic("odd-name", ClinicChat.of(ClinicProfile.builder().name("Smith & \"Sons\" <Clinic>").build()))
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachClinicsChatGivesItsOwnCrisisLines() throws Exception {
        try (ChatClient harbor = ChatClient.connect(server.chatUri("harbor"), HARBOR_SITE);
             ChatClient north = ChatClient.connect(server.chatUri("north-star"), NORTH_SITE)) {
            harbor.next();
            north.next();
            JsonNode us = harbor.say("I want to kill myself");
            JsonNode uk = north.say("I want to kill myself");
            assertEquals("crisis", us.get("type").asText());
            assertEquals("crisis", uk.get("type").asText());
            assertTrue(us.get("resources").toString().contains("tel:988"), us.toString());
            assertFalse(us.get("resources").toString().contains("116123"), us.toString());
            assertTrue(uk.get("resources").toString().contains("tel:116123"), uk.toString());
            assertFalse(uk.get("resources").toString().contains("988"), uk.toString());
        }
    }

    @Test
    void eachClinicsChatTakesOnlyItsOwnSiteAndTheServersPages() throws Exception {
        assertEquals(403, handshakeStatus(() -> ChatClient.connect(server.chatUri("harbor"), NORTH_SITE)));
        assertEquals(403, handshakeStatus(() -> ChatClient.connect(server.chatUri("north-star"), HARBOR_SITE)));
        // the panel is served from the chat server, so its origin opens every clinic's chat
        try (ChatClient own = ChatClient.connect(server.chatUri("north-star"), "http://127.0.0.1:" + server.port())) {
            assertEquals("welcome", own.next().get("type").asText());
        }
    }

    @Test
    void anUnknownClinicAndTheRootPathsAre404() throws Exception {
        assertEquals(404, handshakeStatus(() -> ChatClient.connect(server.chatUri("nobody"), HARBOR_SITE)));
        assertEquals(404, handshakeStatus(() -> ChatClient.connect(server.chatUri(), HARBOR_SITE)));
        for (String path : List.of("/c/nobody/", "/c/nobody/panel", "/", "/panel", "/c/harbor/nothing")) {
            assertEquals(404, get(path).statusCode(), path);
        }
        assertEquals(404, post("/c/nobody/api/screening", "{\"age\":34}").statusCode());
        assertEquals(404, post("/api/screening", "{\"age\":34}").statusCode());
    }

    @Test
    void eachClinicHasItsScreeningApi() throws Exception {
        for (String id : server.clinicIds()) {
            HttpResponse<String> verdict = post("/c/" + id + "/api/screening", "{\"age\":34,"
                    + "\"pregnantOrBreastfeeding\":true}");
            assertEquals(200, verdict.statusCode(), verdict.body());
            assertTrue(verdict.body().contains("\"verdict\""), verdict.body());
        }
    }

    @Test
    void eachClinicsPanelAndDemoPageAreItsOwnAndTheLauncherIsShared() throws Exception {
        HttpResponse<String> panel = get("/c/north-star/panel");
        assertEquals(200, panel.statusCode());
        assertTrue(panel.body().contains("116123"), "the panel's card is the clinic's own");
        assertTrue(panel.headers().firstValue("Content-Security-Policy").orElseThrow()
                .endsWith("frame-ancestors 'self' " + NORTH_SITE));
        String script = panel.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertEquals(200, get("/c/north-star/" + script).statusCode(), script);

        HttpResponse<String> page = get("/c/north-star/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/widget.js\" data-clinic=\"north-star\" async>"), page.body());
        assertTrue(page.body().contains("<h1>North Star Clinic</h1>"), "the clinic's own test page");
        assertTrue(page.body().contains("In an emergency, call 999."), "its own emergency number, not another country's");
        assertFalse(page.body().contains("988"), page.body());

        assertTrue(get("/c/odd-name/").body().contains("<h1>Smith &amp; &quot;Sons&quot; &lt;Clinic&gt;</h1>"),
                "a profile's name is text, not HTML");

        String widget = get("/widget.js").body();
        assertTrue(widget.contains("\"harbor\":{") && widget.contains("\"north-star\":{"),
                "the launcher carries each clinic's card, for when its panel cannot load");
        assertTrue(widget.contains("tel:988") && widget.contains("tel:116123"));
    }

    @Test
    void aResumeTokenOfOneClinicIsRefusedByAnother() throws Exception {
        String token;
        try (ChatClient harbor = ChatClient.connect(server.chatUri("harbor"), HARBOR_SITE)) {
            token = harbor.next().get("resume").asText();
        }
        try (ChatClient north = ChatClient.connect(server.chatUri("north-star"), NORTH_SITE)) {
            north.next();
            north.sendRaw("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
            JsonNode refused = north.next();
            assertEquals("error", refused.get("type").asText());
            assertEquals("bad_resume", refused.get("code").asText());
            assertEquals("answer", north.say("how much does it cost?").get("type").asText(), "the chat goes on");
        }
        try (ChatClient harbor = ChatClient.connect(server.chatUri("harbor"), HARBOR_SITE)) {
            harbor.next();
            harbor.sendRaw("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
            assertEquals("resumed", harbor.next().get("type").asText());
        }
    }

    @Test
    void metricsAreLabelledWithEachClinic() throws Exception {
        try (ChatClient north = ChatClient.connect(server.chatUri("north-star"), NORTH_SITE)) {
            north.next();
            north.say("how much does it cost?");
        }
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("ketamine_faq_messages_total{clinic=\"north-star\"}"), metrics);
        assertTrue(metrics.contains("ketamine_faq_open_chats{clinic=\"harbor\"}"), metrics);
    }

    private static int handshakeStatus(ThrowingConnect connect) {
        DeploymentException refused = assertThrows(DeploymentException.class, connect::run);
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException handshake) {
                return handshake.getHttpStatusCode();
            }
        }
        throw new AssertionError("no HandshakeException in " + refused);
    }

    @FunctionalInterface
    private interface ThrowingConnect {
        void run() throws Exception;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(ChatClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        URI uri = server.uri().resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(ChatClient.TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
