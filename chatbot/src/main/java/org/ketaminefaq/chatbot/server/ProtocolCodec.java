package org.ketaminefaq.chatbot.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.Recognition;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.eligibility.ScreeningJson;

/**
 * The chat protocol, version 1: one UTF-8 JSON object per WebSocket text frame. Reads what the browser sends into a
 * {@link ClientFrame} and writes each {@link Reply} as the JSON object the widget expects. Stateless and thread-safe.
 *
 * <pre>{@code
 * ClientFrame frame = ProtocolCodec.decode("{\"type\":\"message\",\"text\":\"how much is it?\"}"); // Message
 * String json = ProtocolCodec.encode(chat.message(((ClientFrame.Message) frame).text()));
 * // {"type":"answer","intent":"cost","confidence":0.93,"text":"...","sources":[...],"quickReplies":[...]}
 * }</pre>
 */
public final class ProtocolCodec {

    /** The {@code intent} of every screening question and result. */
    static final String SCREENING_INTENT = Intent.ELIGIBILITY.id();

    // Frames are at most a few kilobytes; deep nesting or huge numbers in one are only ever an attack.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final AnswerJsonCache ANSWERS = new AnswerJsonCache();

    private ProtocolCodec() {
    }

    /**
     * Reads one client frame. Never throws, and never keeps or reports the text of a frame that fails: a parse error
     * from Jackson quotes the input, so it is dropped here and only the error code goes on.
     *
     * @return {@link ClientFrame.Message} or {@link ClientFrame.Reset}; {@link ClientFrame.Invalid} with
     *     {@code bad_json} for text that is not a JSON object or whose {@code type} or {@code text} has the wrong JSON
     *     type, and with {@code unknown_type} for a missing or unknown {@code type}
     */
    public static ClientFrame decode(String frame) {
        JsonNode root;
        try {
            root = MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
        }
        if (root == null || !root.isObject()) {
            return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
        }
        JsonNode type = root.get("type");
        if (type == null) {
            return new ClientFrame.Invalid(Reply.ErrorCode.UNKNOWN_TYPE);
        }
        if (!type.isTextual()) {
            return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
        }
        switch (type.textValue()) {
            case "message": {
                JsonNode text = root.get("text");
                if (text == null || !text.isTextual()) {
                    return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
                }
                return new ClientFrame.Message(text.textValue());
            }
            case "reset":
                return new ClientFrame.Reset();
            case "resume": {
                JsonNode token = root.get("token");
                if (token == null || !token.isTextual()) {
                    return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
                }
                return new ClientFrame.Resume(token.textValue());
            }
            default:
                return new ClientFrame.Invalid(Reply.ErrorCode.UNKNOWN_TYPE);
        }
    }

    /**
     * Writes a reply with the conversation's resume token as its last field, {@code "resume"}. The token is base64url,
     * which needs no escaping in JSON.
     */
    public static String encode(Reply reply, String resumeToken) {
        String json = encode(reply);
        return json.substring(0, json.length() - 1) + ",\"resume\":\"" + resumeToken + "\"}";
    }

    /** Writes a reply as one JSON object of the protocol. */
    public static String encode(Reply reply) {
        if (reply instanceof Reply.AnswerReply a) {
            return ANSWERS.encode(a);
        }
        return toJsonTree(reply).toString();
    }

    /**
     * A reply's {@code type} in the protocol, such as {@code answer} or {@code crisis}.
     *
     * @throws IllegalArgumentException for a reply type the protocol has no name for
     */
    static String type(Reply reply) {
        // Java 17 has no pattern matching in switch yet; the final throw keeps a new Reply case from passing silently.
        if (reply instanceof Reply.Resumed) {
            return "resumed";
        } else if (reply instanceof Reply.Welcome) {
            return "welcome";
        } else if (reply instanceof Reply.AnswerReply) {
            return "answer";
        } else if (reply instanceof Reply.Fallback) {
            return "fallback";
        } else if (reply instanceof Reply.Crisis) {
            return "crisis";
        } else if (reply instanceof Reply.Question) {
            return "question";
        } else if (reply instanceof Reply.Result) {
            return "result";
        } else if (reply instanceof Reply.Error) {
            return "error";
        }
        throw new IllegalArgumentException("no JSON form for reply type " + reply.getClass().getName());
    }

    /** The JSON object of a reply; the fields of each type are listed in this package's documentation. */
    public static ObjectNode toJsonTree(Reply reply) {
        ObjectNode o = MAPPER.createObjectNode();
        // type() refuses a reply type the protocol does not know; a resumed reply is its type alone
        o.put("type", type(reply));
        if (reply instanceof Reply.Welcome w) {
            o.put("text", w.text());
            o.set("quickReplies", strings(w.quickReplies()));
            o.put("disclaimer", w.disclaimer());
        } else if (reply instanceof Reply.AnswerReply a) {
            o.put("intent", a.intent().id());
            putConfidence(o, a.confidence());
            o.put("text", a.text());
            o.set("sources", citations(a.sources()));
            o.set("quickReplies", strings(a.quickReplies()));
            if (!a.resources().isEmpty()) {
                o.set("resources", resources(a.resources()));
            }
        } else if (reply instanceof Reply.Fallback f) {
            o.put("intent", Intent.OUT_OF_SCOPE.id());
            putConfidence(o, OptionalDouble.of(f.confidence()));
            o.put("text", f.text());
            ArrayNode suggestions = o.putArray("suggestions");
            for (Reply.Suggestion s : f.suggestions()) {
                suggestions.addObject().put("intent", s.intent().id()).put("label", s.label());
            }
            if (!f.resources().isEmpty()) {
                o.set("resources", resources(f.resources()));
            }
        } else if (reply instanceof Reply.Crisis c) {
            o.put("intent", Intent.CRISIS.id());
            // both kinds show the crisis resources first; "about" tells whose danger the words speak to
            o.put("about", c.concern() == Recognition.Concern.SELF ? "self" : "someone_else");
            o.put("text", c.text());
            o.set("resources", resources(c.resources()));
            if (!c.quickReplies().isEmpty()) {
                o.set("quickReplies", strings(c.quickReplies()));
            }
            if (!c.sources().isEmpty()) {
                o.set("sources", citations(c.sources()));
            }
        } else if (reply instanceof Reply.Question q) {
            o.put("intent", SCREENING_INTENT);
            o.put("field", q.field().id());
            o.put("text", q.text());
            o.set("quickReplies", strings(q.quickReplies()));
            o.put("step", q.step());
            o.put("of", q.of());
        } else if (reply instanceof Reply.Result r) {
            // the result frame carries the assessment exactly as the screening API writes it
            JsonNode assessment = readTree(ScreeningJson.toJson(r.assessment()));
            o.put("intent", SCREENING_INTENT);
            o.set("verdict", assessment.get("verdict"));
            o.put("text", r.text());
            o.set("reasons", assessment.get("reasons"));
            o.set("resources", resources(r.resources()));
            o.set("quickReplies", strings(r.quickReplies()));
        } else if (reply instanceof Reply.Error e) {
            o.put("code", e.code().id());
            o.put("text", e.text());
        }
        return o;
    }

    private static void putConfidence(ObjectNode o, OptionalDouble confidence) {
        confidence(confidence).ifPresent(c -> o.put("confidence", c));
    }

    /** Confidence to two decimals: more digits would suggest a precision the classifier does not have. */
    static OptionalDouble confidence(OptionalDouble confidence) {
        if (confidence.isPresent() && Double.isFinite(confidence.getAsDouble())) {
            return OptionalDouble.of(Math.round(confidence.getAsDouble() * 100) / 100.0);
        }
        return OptionalDouble.empty();
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the library wrote an assessment that is not JSON", e);
        }
    }

    /** Citations as a JSON array of {@code {"id","title","section","study"}}. */
    static ArrayNode citations(List<Citation> citations) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Citation c : citations) {
            ObjectNode o = array.addObject();
            o.put("id", c.id());
            o.put("title", c.title());
            o.put("section", c.section());
            c.study().ifPresent(s -> o.put("study", s));
        }
        return array;
    }

    /** Crisis resources as a JSON array of {@code {"name","contact","href"}}. */
    static ArrayNode resources(List<CrisisResource> resources) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CrisisResource r : resources) {
            array.addObject().put("name", r.name()).put("contact", r.contact()).put("href", r.href());
        }
        return array;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
