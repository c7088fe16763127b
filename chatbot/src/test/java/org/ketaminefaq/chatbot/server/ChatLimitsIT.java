package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason.CloseCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limits that protect the server: rate, frame size, binary frames, open chats, idle chats, and shutdown. */
class ChatLimitsIT {

    private static ChatServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(ServerConfig.builder().port(0).build()); // the default limits
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBurstOverTheRateGetsRateLimitedErrorsAndStillExactlyOneReplyPerFrameInOrder() throws Exception {
        int frames = 50;
        try (ChatClient chat = ChatClient.welcomed(server)) {
            for (int i = 0; i < frames; i++) {
                // even frames are questions, odd ones bad JSON: each reply shows which frame it answers
                if (i % 2 == 0) {
                    chat.sendMessage("how much does ketamine therapy cost?");
                } else {
                    chat.sendRaw("not json " + i);
                }
            }
            int limited = 0;
            for (int i = 0; i < frames; i++) {
                JsonNode reply = chat.next();
                if (reply.path("code").asText().equals("rate_limited")) {
                    limited++;
                    assertTrue(i >= ServerConfig.DEFAULT_MESSAGE_BURST, "the burst is allowed: frame " + i);
                } else if (i % 2 == 0) {
                    assertEquals("answer", reply.get("type").asText(), "reply " + i + ": " + reply);
                } else {
                    assertEquals("bad_json", reply.get("code").asText(), "reply " + i + ": " + reply);
                }
            }
            assertTrue(limited > 0, "a burst of 50 must go over 10 at once and 5 per second");

            // the close handshake comes after every frame sent before it: nothing else was on its way
            chat.session().close();
            chat.closeReason();
            assertEquals(0, chat.pending(), "one reply per frame, no more");
        }
    }

    @Test
    void aFrameUpToTheLimitIsReadAndOneByteMoreClosesWith1009() throws Exception {
        int limit = ServerConfig.DEFAULT_MAX_FRAME_BYTES;
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.sendRaw(messageFrameOfBytes(limit));
            assertEquals("too_long", chat.next().get("code").asText(), "a frame at the limit is read");

            chat.sendRaw(messageFrameOfBytes(limit + 1));
            assertEquals(CloseCodes.TOO_BIG.getCode(), chat.closeReason().getCloseCode().getCode());
        }
    }

    @Test
    void aMuchBiggerFrameClosesWith1009() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.sendRaw(messageFrameOfBytes(200_000));
            assertEquals(CloseCodes.TOO_BIG.getCode(), chat.closeReason().getCloseCode().getCode());
        }
    }

    @Test
    void aBigMessageInSmallFragmentsClosesWith1009Too() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            String part = "a".repeat(4096);
            boolean cutOffWhileSending = false;
            try {
                chat.session().getBasicRemote().sendText("{\"type\":\"message\",\"text\":\"" + part, false);
                for (int i = 0; i < 8; i++) {
                    chat.session().getBasicRemote().sendText(part, false);
                }
                chat.session().getBasicRemote().sendText("\"}", true);
            } catch (RuntimeException | IOException e) {
                // the server may close before the last fragments are sent; Tyrus reports a send on a connection
                // that is gone as an IllegalStateException, an IOException, or a bare RuntimeException ("Socket is
                // not connected.")
                cutOffWhileSending = true;
            }
            int code = chat.closeReason().getCloseCode().getCode();
            // a client still writing when the server's 1009 arrives may see its socket reset first (1006)
            assertTrue(code == CloseCodes.TOO_BIG.getCode()
                    || (cutOffWhileSending && code == CloseCodes.CLOSED_ABNORMALLY.getCode()), "closed with " + code);
        }
    }

    @Test
    void aBinaryFrameClosesWith1003() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(CloseCodes.CANNOT_ACCEPT.getCode(), chat.closeReason().getCloseCode().getCode());
        }
    }

    @Test
    void aChatOverTheSessionLimitIsClosedWith1013AndTheNextOneAfterALeaveGetsIn() throws Exception {
        try (ChatServer small = TestServers.start(ServerConfig.builder().port(0).maxSessions(2).build())) {
            ChatClient first = ChatClient.welcomed(small);
            try (ChatClient second = ChatClient.welcomed(small)) {
                try (ChatClient third = ChatClient.connect(small)) {
                    assertEquals(CloseCodes.TRY_AGAIN_LATER.getCode(), third.closeReason().getCloseCode().getCode());
                    assertEquals(0, third.pending(), "a refused chat gets no welcome");
                }
                first.close();
                first.closeReason();
                awaitOpenChats(small, 1);
                try (ChatClient fourth = ChatClient.welcomed(small)) {
                    assertEquals("answer", fourth.say("how much does it cost?").get("type").asText());
                }
                assertTrue(second.session().isOpen());
            } finally {
                first.close();
            }
        }
    }

    @Test
    void anIdleChatIsClosedByTheServer() throws Exception {
        try (ChatServer quick = TestServers.start(ServerConfig.builder().port(0)
                .idleTimeout(Duration.ofMillis(300)).build());
             ChatClient chat = ChatClient.welcomed(quick)) {
            // no sleep: the close reason is awaited, with a timeout far beyond the idle timeout
            assertEquals(CloseCodes.NORMAL_CLOSURE.getCode(), chat.closeReason().getCloseCode().getCode());
            awaitOpenChats(quick, 0);
        }
    }

    @Test
    void closingTheServerClosesOpenChatsWith1001AndReleasesThePort() throws Exception {
        ChatServer stopping = TestServers.start(ServerConfig.builder().port(0).build());
        try (ChatClient a = ChatClient.welcomed(stopping);
             ChatClient b = ChatClient.welcomed(stopping)) {
            stopping.close();
            assertEquals(CloseCodes.GOING_AWAY.getCode(), a.closeReason().getCloseCode().getCode());
            assertEquals(CloseCodes.GOING_AWAY.getCode(), b.closeReason().getCloseCode().getCode());
        } finally {
            stopping.close(); // a second close does nothing
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(stopping.uri().resolve("/healthz"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void everyNewChatGetsItsWelcomeAndStaysOpen() throws Exception {
        // Regression: with Tyrus's default idle timeout of 0, a new session schedules an idle check with no delay,
        // which closed about one chat in thirty right after onOpen set the real timeout (ChatContainer sets it first).
        for (int i = 0; i < 100; i++) {
            try (ChatClient chat = ChatClient.welcomed(server)) {
                assertTrue(chat.session().isOpen(), "chat " + i);
            }
        }
    }

    @Test
    void portZeroPicksAFreePort() throws IOException {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.uri().toString());
        assertEquals("ws://127.0.0.1:" + server.port() + "/chat", server.chatUri().toString());
    }

    /** A message frame of exactly {@code bytes} bytes of UTF-8. */
    private static String messageFrameOfBytes(int bytes) {
        String head = "{\"type\":\"message\",\"text\":\"";
        String tail = "\"}";
        return head + "a".repeat(bytes - head.length() - tail.length()) + tail;
    }

    private static void awaitOpenChats(ChatServer s, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
        while (s.openChats() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling a count the server updates on its own thread, not a timing assertion
        }
        assertEquals(expected, s.openChats());
    }
}
