package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.ketaminefaq.chatbot.dialogue.ChatSession;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.server.ClientFrame;
import org.ketaminefaq.chatbot.server.ProtocolCodec;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.eligibility.EligibilityRules;
import org.ketaminefaq.core.eligibility.InvalidScreeningInputException;
import org.ketaminefaq.core.eligibility.ScreeningJson;

/**
 * Property-based tests of what a visitor's browser, or anyone pretending to be one, can send, in-process: the
 * decoder ({@link ProtocolCodec#decode(String)}) and the dialogue ({@link ChatSession}) on random JSON of every shape
 * and type, random Unicode, huge numbers and deep nesting (see {@link JsonShapes}). Every frame gets exactly one
 * reply of the protocol, no exception escapes, and the conversation still answers a normal question afterwards.
 * The same frames go over a real socket in {@link WirePropertiesIT}.
 */
class ProtocolPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ClinicKnowledge CLINIC =
            ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile());
    private static final DialogueEngine ENGINE = DialogueEngine.create(CLINIC);
    private static final EligibilityRules RULES = EligibilityRules.of(CLINIC);

    /** The fields each reply type must have (protocol v1, README). */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "welcome", Set.of("text", "quickReplies", "disclaimer"),
            "answer", Set.of("intent", "text", "sources", "quickReplies"),
            "fallback", Set.of("intent", "confidence", "text", "suggestions"),
            "crisis", Set.of("intent", "text", "resources"),
            "question", Set.of("intent", "field", "text", "quickReplies", "step", "of"),
            "result", Set.of("intent", "verdict", "text", "reasons", "resources", "quickReplies"),
            "error", Set.of("code", "text"));

    static final Set<String> ERROR_CODES = Set.of("bad_json", "unknown_type", "empty_text", "too_long", "rate_limited",
            "bad_resume");

    @Property(tries = 1000)
    void theDecoderReadsEveryFrameAsTheProtocolSays(@ForAll("frames") JsonShapes.Frame frame) {
        ClientFrame expected = frame.expected();
        assertEquals(expected, ProtocolCodec.decode(frame.text()));
        Statistics.label("frame").collect(kind(expected));
        Statistics.label("frame").coverage(coverage -> {
            // the generators must reach every outcome, or the property proves little
            for (String kind : List.of("message", "reset", "bad_json", "unknown_type")) {
                coverage.check(kind).percentage(p -> p >= 5);
            }
        });
    }

    @Property(tries = 1000)
    void theDecoderNeverThrowsWhateverTheText(@ForAll("anyText") String text) {
        ClientFrame frame = ProtocolCodec.decode(text);
        assertNotNull(frame);
        if (frame instanceof ClientFrame.Invalid invalid) {
            assertTrue(invalid.code() == Reply.ErrorCode.BAD_JSON || invalid.code() == Reply.ErrorCode.UNKNOWN_TYPE,
                    invalid.toString());
        }
    }

    @Property(tries = 1000)
    void everyFrameOfAConversationGetsExactlyOneReplyOfTheProtocolAndTheChatGoesOn(
            @ForAll("conversations") List<JsonShapes.Frame> frames) throws Exception {
        ChatSession chat = ENGINE.newSession();
        assertReply(ProtocolCodec.encode(chat.start()), "welcome");
        for (JsonShapes.Frame frame : frames) {
            ClientFrame decoded = ProtocolCodec.decode(frame.text());
            Reply reply = replyTo(decoded, chat); // the one reply, as ChatEndpoint computes it
            JsonNode json = assertReply(ProtocolCodec.encode(reply), null);
            assertRightKindOfReply(decoded, json);
            Statistics.label("reply").collect(json.get("type").asText());
        }
        Statistics.label("reply").coverage(coverage -> {
            for (String type : List.of("welcome", "answer", "fallback", "crisis", "question", "error")) {
                coverage.check(type).count(n -> n > 0);
            }
        });
        JsonNode answer = assertReply(ProtocolCodec.encode(chat.message("how much does ketamine cost?")), "answer");
        assertEquals("cost", answer.get("intent").asText(), answer.toString());
    }

    @Property(tries = 1000)
    void aMessageOfAnyTextGetsOneReplyOfTheProtocol(@ForAll("messageTexts") String text) throws Exception {
        ChatSession chat = ENGINE.newSession();
        JsonNode json = assertReply(ProtocolCodec.encode(chat.message(text)), null);
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            assertEquals("empty_text", json.path("code").asText(), json.toString());
        } else if (stripped.codePointCount(0, stripped.length()) > DialogueEngine.DEFAULT_MAX_MESSAGE_LENGTH) {
            assertEquals("too_long", json.path("code").asText(), json.toString());
        } else {
            assertFalse(json.get("type").asText().equals("error"), json.toString());
        }
        assertEquals("answer", assertReply(ProtocolCodec.encode(chat.message("how much does ketamine cost?")), null)
                .get("type").asText());
    }

    @Property(tries = 1000)
    void screeningAnswersOfAnyShapeAreAssessedOrRefusedByNameNeverCrash(@ForAll("frames") JsonShapes.Frame frame) {
        // the body of POST /api/screening: assessed, or a 400 naming what is wrong; nothing else may escape
        try {
            assertNotNull(RULES.assess(ScreeningJson.parseAnswers(frame.text())).verdict());
        } catch (InvalidScreeningInputException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    // ---- the protocol's rules ----

    /** {@code {"type":"message","text":...}}, as the widget writes it. */
    static String messageFrame(String text) {
        return JSON.createObjectNode().put("type", "message").put("text", text).toString();
    }

    private static String kind(ClientFrame frame) {
        if (frame instanceof ClientFrame.Invalid invalid) {
            return invalid.code().id();
        }
        return frame instanceof ClientFrame.Reset ? "reset" : "message";
    }

    /** What ChatEndpoint does with a decoded frame. */
    static Reply replyTo(ClientFrame frame, ChatSession chat) {
        if (frame instanceof ClientFrame.Message m) {
            return chat.message(m.text());
        } else if (frame instanceof ClientFrame.Reset) {
            return chat.reset();
        }
        return ENGINE.error(((ClientFrame.Invalid) frame).code());
    }

    /**
     * Checks that {@code encoded} is one JSON object of the protocol, with the fields of its type, in text that can
     * be sent as UTF-8; returns it parsed.
     */
    static JsonNode assertReply(String encoded, String expectedType) throws Exception {
        assertTrue(JsonShapes.isWellFormed(encoded), "a reply must be valid UTF-16, or it cannot be sent as UTF-8");
        JsonNode json = JSON.readTree(encoded);
        assertTrue(json.isObject(), encoded);
        String type = json.path("type").asText();
        assertTrue(FIELDS.containsKey(type), "unknown reply type in " + encoded);
        if (expectedType != null) {
            assertEquals(expectedType, type, encoded);
        }
        for (String field : FIELDS.get(type)) {
            assertTrue(json.has(field), "reply " + type + " without " + field + ": " + encoded);
        }
        assertFalse(json.get("text").asText().isBlank(), encoded);
        if (type.equals("error")) {
            assertTrue(ERROR_CODES.contains(json.get("code").asText()), encoded);
        }
        return json;
    }

    /** An invalid frame gets its error; a reset gets a welcome; a message gets a dialogue reply or a text error. */
    static void assertRightKindOfReply(ClientFrame decoded, JsonNode reply) {
        String type = reply.get("type").asText();
        if (decoded instanceof ClientFrame.Invalid invalid) {
            assertEquals("error", type, reply.toString());
            assertEquals(invalid.code().id(), reply.get("code").asText());
        } else if (decoded instanceof ClientFrame.Reset) {
            assertEquals("welcome", type, reply.toString());
        } else {
            assertFalse(type.equals("welcome"), reply.toString());
            if (type.equals("error")) {
                assertTrue(Set.of("empty_text", "too_long").contains(reply.get("code").asText()), reply.toString());
            }
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<JsonShapes.Frame> frames() {
        return JsonShapes.frames();
    }

    @Provide
    Arbitrary<List<JsonShapes.Frame>> conversations() {
        return JsonShapes.chatFrames().list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(3, JsonShapes.texts()),
                Tuple.of(2, JsonShapes.frames().map(JsonShapes.Frame::text)),
                Tuple.of(1, Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(1, 5000).map(n -> "{\"a\":".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(60, 5000)
                        .map(n -> "{\"type\":\"reset\",\"n\":" + "9".repeat(n) + "}")));
    }

    @Provide
    Arbitrary<String> messageTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, JsonShapes.texts()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(900).ofMaxLength(20_000)));
    }
}
