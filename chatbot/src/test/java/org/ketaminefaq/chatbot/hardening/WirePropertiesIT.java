package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.chatbot.server.ClientFrame;
import org.ketaminefaq.chatbot.server.ServerConfig;

/**
 * The property of {@link ProtocolPropertiesTest} over a real socket: random frames of every kind, sent by hand
 * ({@link RawWebSocket}) to a real server, whole or in fragments cut anywhere (inside a character, too), with invalid
 * UTF-8, binary frames, oversized frames and pings among them. Every frame gets exactly one well-formed reply, or
 * the chat is closed with the documented code (1007 invalid UTF-8, 1003 binary, 1009 too big); a chat that is not
 * closed still answers a normal question afterwards, and the server answers a new chat after one that is.
 */
class WirePropertiesIT {

    private static final int MAX_FRAME_BYTES = ServerConfig.DEFAULT_MAX_FRAME_BYTES;

    private static ChatServer server;
    private static String origin;

    @BeforeContainer
    static void start() throws IOException {
        // the rate limit is off here: every frame gets a reply of its own kind, not rate_limited
        server = TestServers.start(ServerConfig.builder().port(0).messagesPerSecond(100_000).messageBurst(100_000)
                .build());
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One thing a client puts on the wire. */
    sealed interface Wire {
    }

    /** A text message in {@code fragments} frames (1 for a whole frame), cut at any byte. */
    record Text(JsonShapes.Frame frame, int fragments) implements Wire {
        byte[] bytes() {
            return frame.wireText().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Text[" + fragments + " fragments, " + frame + "]";
        }
    }

    /** A text frame whose bytes are not UTF-8, perhaps after a valid start in an earlier fragment. */
    record BadUtf8(byte[] validStart, byte[] invalid) implements Wire {
        @Override
        public String toString() {
            return "BadUtf8[" + Arrays.toString(validStart) + " then " + Arrays.toString(invalid) + "]";
        }
    }

    record Binary(byte[] payload) implements Wire {
    }

    /** A text frame over the size limit. */
    record Oversized(int bytes) implements Wire {
    }

    record Ping(byte[] payload) implements Wire {
    }

    @Property(tries = 100)
    void everyFrameOnTheWireGetsOneReplyOrADocumentedCloseCode(@ForAll("wireSequences") List<Wire> sequence)
            throws Exception {
        Statistics.label("sent").coverage(coverage -> {
            // the generators must reach every kind, or the property proves little
            for (String kind : List.of("Text", "BadUtf8", "Binary", "Oversized", "Ping")) {
                coverage.check(kind).count(n -> n > 0);
            }
        });
        try (RawWebSocket ws = RawWebSocket.open(server.chatUri(), origin)) {
            ProtocolPropertiesTest.assertReply(ws.nextText(), "welcome");
            for (Wire wire : sequence) {
                Statistics.label("sent").collect(wire.getClass().getSimpleName());
                Integer closedWith = send(ws, wire);
                if (closedWith != null) {
                    assertEquals(expectedClose(wire), closedWith, wire.toString());
                    assertANewChatIsAnswered();
                    return;
                }
            }
            JsonNode answer = ProtocolPropertiesTest.assertReply(say(ws, "how much does ketamine cost?"), "answer");
            assertEquals("cost", answer.get("intent").asText());
            // the close handshake comes after every reply: any frame before it would be a reply too many
            ws.sendClose(1000);
            int[] extra = new int[1];
            assertEquals(1000, ws.awaitClose(extra));
            assertEquals(0, extra[0], "frames after the last reply");
        }
    }

    /** Sends one thing and checks its outcome; returns the close code when the server closed the chat. */
    private static Integer send(RawWebSocket ws, Wire wire) throws Exception {
        if (wire instanceof Text text) {
            byte[] bytes = text.bytes();
            sendInFragments(ws, bytes, text.fragments());
            if (bytes.length > MAX_FRAME_BYTES) {
                return ws.awaitClose();
            }
            JsonNode reply = ProtocolPropertiesTest.assertReply(ws.nextText(), null);
            ClientFrame expected = text.frame().wireExpected();
            ProtocolPropertiesTest.assertRightKindOfReply(expected, reply);
            return null;
        } else if (wire instanceof BadUtf8 bad) {
            if (bad.validStart().length > 0) {
                ws.sendFrame(false, RawWebSocket.OP_TEXT, bad.validStart());
                ws.sendFrame(true, RawWebSocket.OP_CONTINUATION, bad.invalid());
            } else {
                ws.sendFrame(true, RawWebSocket.OP_TEXT, bad.invalid());
            }
            return ws.awaitClose();
        } else if (wire instanceof Binary binary) {
            ws.sendFrame(true, RawWebSocket.OP_BINARY, binary.payload());
            return ws.awaitClose();
        } else if (wire instanceof Oversized oversized) {
            try {
                ws.sendFrame(true, RawWebSocket.OP_TEXT, new byte[oversized.bytes()]);
            } catch (IOException e) {
                // the server may close as soon as it has the header, before the payload is written
            }
            return ws.awaitClose();
        } else {
            byte[] payload = ((Ping) wire).payload();
            ws.sendFrame(true, RawWebSocket.OP_PING, payload);
            RawWebSocket.Frame pong = ws.nextFrame();
            assertEquals(RawWebSocket.OP_PONG, pong.opcode());
            assertArrayEquals(payload, pong.payload());
            return null;
        }
    }

    private static int expectedClose(Wire wire) {
        if (wire instanceof BadUtf8) {
            return 1007;
        } else if (wire instanceof Binary) {
            return 1003;
        }
        return 1009; // Oversized, or a Text over the limit
    }

    private static void sendInFragments(RawWebSocket ws, byte[] bytes, int fragments) throws IOException {
        if (fragments <= 1 || bytes.length < 2) {
            ws.sendFrame(true, RawWebSocket.OP_TEXT, bytes);
            return;
        }
        int parts = Math.min(fragments, bytes.length);
        for (int i = 0; i < parts; i++) {
            int from = bytes.length * i / parts;
            int to = bytes.length * (i + 1) / parts;
            ws.sendFrame(i == parts - 1, i == 0 ? RawWebSocket.OP_TEXT : RawWebSocket.OP_CONTINUATION,
                    Arrays.copyOfRange(bytes, from, to));
        }
    }

    private static String say(RawWebSocket ws, String text) throws IOException {
        ws.sendText(ProtocolPropertiesTest.messageFrame(text));
        return ws.nextText();
    }

    private static void assertANewChatIsAnswered() throws Exception {
        try (RawWebSocket next = RawWebSocket.open(server.chatUri(), origin)) {
            ProtocolPropertiesTest.assertReply(next.nextText(), "welcome");
            JsonNode answer = ProtocolPropertiesTest.assertReply(say(next, "how much does ketamine cost?"), "answer");
            assertEquals("cost", answer.get("intent").asText());
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<Wire>> wireSequences() {
        Arbitrary<Wire> text = Combinators.combine(JsonShapes.chatFrames(),
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers()
                        .between(2, 12)))).as(Text::new);
        Arbitrary<Wire> badUtf8 = Combinators.combine(
                Arbitraries.of(new byte[0], "{\"type\":\"message\",\"text\":\"".getBytes(StandardCharsets.UTF_8),
                        "{\"type\":\"message\",\"text\":\"caf\u00E9 ".getBytes(StandardCharsets.UTF_8)),
                invalidUtf8()).as(BadUtf8::new);
        Arbitrary<Wire> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Binary::new);
        Arbitrary<Wire> oversized = Arbitraries.integers().between(MAX_FRAME_BYTES + 1, MAX_FRAME_BYTES * 8)
                .map(Oversized::new);
        Arbitrary<Wire> ping = Arbitraries.bytes().array(byte[].class).ofMaxSize(125).map(Ping::new);
        Arbitrary<Wire> any = Arbitraries.frequencyOf(
                Tuple.of(14, text), Tuple.of(2, badUtf8), Tuple.of(1, binary), Tuple.of(1, oversized),
                Tuple.of(2, ping));
        return any.list().ofMinSize(1).ofMaxSize(5);
    }

    /** Bytes that are not UTF-8: known bad sequences, and random bytes that happen not to be. */
    private static Arbitrary<byte[]> invalidUtf8() {
        Arbitrary<byte[]> known = Arbitraries.of(
                new byte[] {(byte) 0xFF},                                // never in UTF-8
                new byte[] {(byte) 0xC0, (byte) 0x80},                   // overlong NUL
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},      // overlong '/'
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},      // a UTF-16 surrogate, encoded
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five bytes
                new byte[] {'"', (byte) 0xE2, (byte) 0x82},              // cut short at the end
                new byte[] {(byte) 0x80, '"', '}'},                      // a continuation byte alone
                new byte[] {(byte) 0xC3, '(', '"', '}'});                // a lead byte without its continuation
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(32)
                .filter(bytes -> !isUtf8(bytes));
        return Arbitraries.frequencyOf(Tuple.of(2, known), Tuple.of(1, random));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
