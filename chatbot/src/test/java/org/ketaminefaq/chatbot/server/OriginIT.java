package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DeploymentException;
import org.glassfish.tyrus.core.HandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which web pages may open a chat: the profile's allowedOrigins and the server's own origin. */
class OriginIT {

    private static ChatServer clinicOnly;

    @BeforeAll
    static void start() throws Exception {
        clinicOnly = TestServers.start(ServerConfig.builder().port(0).build(), TestProfiles.clinic());
    }

    @AfterAll
    static void stop() {
        if (clinicOnly != null) {
            clinicOnly.close();
        }
    }

    @Test
    void refusesAHandshakeFromAnotherSiteWith403() {
        DeploymentException refused = assertThrows(DeploymentException.class,
                () -> ChatClient.connect(clinicOnly, "https://evil.example"));
        assertEquals(403, handshakeStatus(refused));
    }

    @Test
    void refusesAHandshakeWithoutOriginWhenTheProfileListsOrigins() {
        DeploymentException refused = assertThrows(DeploymentException.class,
                () -> ChatClient.connect(clinicOnly, null));
        assertEquals(403, handshakeStatus(refused));
    }

    @Test
    void acceptsTheClinicsSite() throws Exception {
        try (ChatClient chat = ChatClient.connect(clinicOnly, TestProfiles.CLINIC_ORIGIN)) {
            assertEquals("welcome", chat.next().get("type").asText());
        }
    }

    @Test
    void acceptsTheServersOwnOriginSoThatTheDemoPageWorks() throws Exception {
        for (String own : new String[] {"http://127.0.0.1:" + clinicOnly.port(),
            "http://localhost:" + clinicOnly.port()}) {
            try (ChatClient chat = ChatClient.connect(clinicOnly, own)) {
                assertEquals("welcome", chat.next().get("type").asText(), own);
            }
        }
    }

    @Test
    void aProfileWithoutOriginsAcceptsAnySite() throws Exception {
        try (ChatServer open = TestServers.start(ServerConfig.builder().port(0).build());
             ChatClient chat = ChatClient.connect(open, "https://evil.example")) {
            assertEquals("welcome", chat.next().get("type").asText());
        }
    }

    private static int handshakeStatus(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException handshake) {
                return handshake.getHttpStatusCode();
            }
        }
        assertTrue(false, "no HandshakeException in " + thrown);
        return -1;
    }
}
