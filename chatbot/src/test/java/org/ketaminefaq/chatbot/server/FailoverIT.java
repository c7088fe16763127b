package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two chat servers that share a resume key file, behind HAProxy with {@code deploy/haproxy.cfg} (Debian's haproxy,
 * which {@code .ci/run} installs): the server holding a chat stops in the middle of a screening, as on SIGTERM (its
 * shutdown hook calls {@link ChatServer#close()}), and the visitor reconnects through HAProxy to the other server and
 * finishes the screening with nothing lost and no question asked twice.
 */
class FailoverIT {

    @Test
    void aScreeningGoesOnOnTheOtherServerWhenItsServerStops(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("resume.key");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.write(key, random);
        // a test answers faster than a person: no rate limit in the way
        ServerConfig config = ServerConfig.builder().port(0).resumeKeyFile(key).messagesPerSecond(100).messageBurst(100)
                .build();
        int proxyPort = Haproxy.freePort();
        try (ChatServer a = TestServers.start(config); ChatServer b = TestServers.start(config);
             Haproxy proxy = Haproxy.start(proxyPort, a.port(), b.port())) {
            URI chat = URI.create("ws://127.0.0.1:" + proxyPort + "/chat");

            String token;
            ChatServer holding;
            try (ChatClient first = ChatClient.connect(chat, null)) {
                assertEquals("welcome", first.next().get("type").asText());
                first.say("am I a candidate?");
                first.say("34");
                JsonNode third = first.say("no");
                assertEquals("diagnoses", third.get("field").asText(), third.toString());
                token = third.get("resume").asText();

                holding = a.openChats() == 1 ? a : b;
                holding.close(); // what SIGTERM does
                assertEquals(CloseReason.CloseCodes.GOING_AWAY.getCode(), first.closeReason().getCloseCode().getCode(),
                        "the stopping server tells the client to reconnect elsewhere");
            }

            ChatServer other = holding == a ? b : a;
            try (ChatClient second = ChatClient.connect(chat, null)) {
                assertEquals("welcome", second.next().get("type").asText());
                assertEquals(1, other.openChats(), "HAProxy sent the new connection to the server still running");
                second.sendRaw("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
                assertEquals("resumed", second.next().get("type").asText(), "a token from the other server");
                JsonNode next = second.say("I have depression");
                assertEquals("question", next.get("type").asText(), next.toString());
                assertEquals("failedAntidepressantTrials", next.get("field").asText(), "no question asked twice");
                second.say("3");
                JsonNode reply = null;
                for (int i = 0; i < 9; i++) {
                    reply = second.say("no");
                }
                assertEquals("result", reply.get("type").asText(), reply.toString());
                assertEquals("may_be_candidate", reply.get("verdict").asText(), "the answers from both servers count");
            }
        }
    }

}
