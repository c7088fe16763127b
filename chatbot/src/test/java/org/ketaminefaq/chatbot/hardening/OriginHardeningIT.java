package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.chatbot.server.ServerConfig;

/**
 * Cross-site WebSocket hijacking: a page on another site must not open a chat in a visitor's browser. With a
 * clinic's profile that lists {@code https://clinic.example}, every other origin is refused at the handshake (403,
 * no chat opened), however it is dressed up; the clinic's site and the server's own demo page get in. The screening
 * API gives other sites nothing to read either: no CORS header, whatever the {@code Origin}.
 */
class OriginHardeningIT {

    private static ChatServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.start(ServerConfig.builder().port(0).build(), Chats.clinicProfile());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void originsOutsideTheProfilesListAreRefusedAtTheHandshake() throws Exception {
        int port = server.port();
        List<String> foreign = List.of(
                "https://evil.example",
                "null",                                        // sandboxed iframes, file:// pages, some redirects
                "https://clinic.example.evil.example",         // the clinic's name as a subdomain of another site
                "https://evil-clinic.example",
                "https://sub.clinic.example",                  // a subdomain is another origin
                "http://clinic.example",                       // the same host without TLS
                "https://clinic.example:8443",                 // another port
                "https://clinic.example@evil.example",         // userinfo trick
                "https://evil.example/https://clinic.example", // the allowed origin in the path
                "https://evil.example?https://clinic.example",
                "https://clinic.example.",                      // a trailing dot is another host name
                "https://clinic.example, https://evil.example", // two values in one header
                "file://",
                "chrome-extension://abcdefghijklmnop",
                "ws://clinic.example",
                "https://127.0.0.1:" + port,                    // the server's own address, but https
                "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1),
                "",
                " ");
        for (String origin : foreign) {
            try (RawWebSocket ws = RawWebSocket.handshake(server.chatUri(), origin, 0)) {
                assertEquals(403, ws.status(), "Origin: " + origin);
            }
        }
        try (RawWebSocket ws = RawWebSocket.handshake(server.chatUri(), null, 0)) {
            assertEquals(403, ws.status(), "no Origin at all, when the profile lists origins");
        }
        assertEquals(403, handshakeStatus("Origin: https://evil.example\r\nOrigin: " + Chats.CLINIC_ORIGIN + "\r\n"),
                "two Origin headers, the allowed one second");
        assertEquals(403, handshakeStatus("Origin: " + Chats.CLINIC_ORIGIN + "\r\nOrigin: https://evil.example\r\n"),
                "two Origin headers, the allowed one first");
        assertEquals(0, server.openChats(), "a refused handshake opens no chat");
    }

    @Test
    void theClinicsSiteAndTheDemoPageGetIn() throws Exception {
        int port = server.port();
        for (String origin : List.of(Chats.CLINIC_ORIGIN, "HTTPS://Clinic.Example", "https://clinic.example:443",
                "http://127.0.0.1:" + port, "http://localhost:" + port)) {
            try (RawWebSocket ws = RawWebSocket.open(server.chatUri(), origin)) {
                assertEquals("welcome", Chats.JSON.readTree(ws.nextText()).get("type").asText(), origin);
                Chats.assertAnswersTheCostQuestion(ws);
            }
        }
        // the demo page is served from that same origin, with the widget tag
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri())
                .timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/widget.js\" data-accent=\"#0f4c5c\" async></script>"));
        Chats.awaitOpenChats(server, 0);
    }

    @Test
    void theScreeningApiGivesOtherSitesNothingToRead() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI api = server.uri().resolve("/api/screening");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(api).header("Origin", "https://evil.example")
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"age\":34}"))
                        .timeout(Chats.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, post.statusCode()); // a browser sends it, but without CORS the page cannot read the answer
        assertFalse(post.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(api).header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).timeout(Chats.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, preflight.statusCode());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    /** The status of a WebSocket handshake sent with these extra header lines. */
    private static int handshakeStatus(String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Chats.TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return Integer.parseInt(new String(head, StandardCharsets.US_ASCII).substring(9, 12));
        }
    }
}
