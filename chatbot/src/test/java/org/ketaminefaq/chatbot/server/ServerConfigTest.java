package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals("127.0.0.1", config.host());
        assertEquals(8025, config.port());
        assertEquals(1000, config.maxMessageLength());
        assertEquals(16 * 1024, config.maxFrameBytes());
        assertEquals(5, config.messagesPerSecond());
        assertEquals(10, config.messageBurst());
        assertEquals(2000, config.maxSessions());
        assertEquals(Duration.ofMinutes(5), config.idleTimeout());
        assertEquals(64 * 1024, config.maxRequestBytes());
        assertEquals(64 * 1024, config.maxUnreadReplyBytes());
        assertEquals(Duration.ofSeconds(30), config.maxUnreadStall());
    }

    @Test
    void toBuilderKeepsEverythingButWhatIsChanged() {
        ServerConfig config = ServerConfig.builder().port(0).maxSessions(3).build();
        assertEquals(config, config.toBuilder().build());
        assertEquals(7, config.toBuilder().messageBurst(7).build().messageBurst());
    }

    @Test
    void namesTheSettingThatIsOutOfRange() {
        assertEquals("port must be from 0 (any free port) to 65535, but was 70000",
                assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().port(70000).build())
                        .getMessage());
        assertEquals("maxSessions must be at least 1, but was 0",
                assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxSessions(0).build())
                        .getMessage());
        assertEquals("idleTimeout must be longer than zero, but was PT0S",
                assertThrows(IllegalArgumentException.class,
                        () -> ServerConfig.builder().idleTimeout(Duration.ZERO).build()).getMessage());
        assertEquals("maxUnreadReplyBytes must be at least 1, but was 0",
                assertThrows(IllegalArgumentException.class,
                        () -> ServerConfig.builder().maxUnreadReplyBytes(0).build()).getMessage());
    }

    @Test
    void aPublicOriginIsAnOriginWithoutAPath() {
        assertEquals(java.util.Optional.of("https://chat.clinic.example"),
                ServerConfig.builder().publicOrigin("https://Chat.Clinic.Example:443/").build().publicOrigin());
        assertEquals("publicOrigin \"https://chat.clinic.example/chat\" is not an origin; expected http(s)://host[:port] "
                        + "with no path, such as https://chat.clinic.example",
                assertThrows(IllegalArgumentException.class,
                        () -> ServerConfig.builder().publicOrigin("https://chat.clinic.example/chat").build())
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().publicOrigin("chat.clinic.example").build());
    }
}
