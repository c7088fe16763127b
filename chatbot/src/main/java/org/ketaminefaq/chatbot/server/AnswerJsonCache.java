package org.ketaminefaq.chatbot.server;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.CrisisResource;

/**
 * Writes answer replies as {@link ProtocolCodec#toJsonTree} does, character for character, with everything after the
 * confidence written once per answer. An answer's text, sources and quick replies come from the knowledge base and
 * the clinic profile, never from what a visitor typed, so there are as many of them as intents, treatment forms and
 * screening questions to resume; only the confidence differs from one reply to the next. Building a Jackson tree and
 * escaping some 1.3 KB of text for every answer was the largest cost of a reply after the dialogue itself.
 * Thread-safe.
 */
final class AnswerJsonCache {

    /** Far more than the data can produce; past it, answers are written afresh rather than kept. */
    static final int MAX_ENTRIES = 4096;

    /** The fields written afresh for every reply; the rest is kept. */
    private static final List<String> HEAD = List.of("type", "intent", "confidence");

    private final Map<Body, String> tails = new ConcurrentHashMap<>();

    String encode(Reply.AnswerReply answer) {
        Body body = new Body(answer.intent(), answer.text(), answer.sources(), answer.quickReplies(),
                answer.resources());
        String tail = tails.get(body);
        if (tail == null) {
            tail = tail(answer);
            if (tails.size() < MAX_ENTRIES) {
                tails.putIfAbsent(body, tail);
            }
        }
        OptionalDouble confidence = ProtocolCodec.confidence(answer.confidence());
        String head = confidence.isPresent()
                ? ",\"confidence\":" + NumberOutput.toString(confidence.getAsDouble()) + ","
                : ",";
        // one concatenation sizes the string once; a StringBuilder grew and copied the 1.3 KB tail twice, three
        // times when a source title made it UTF-16
        return "{\"type\":\"answer\",\"intent\":\"" + answer.intent().id() + '"' + head + tail;
    }

    int size() {
        return tails.size();
    }

    /** The fields after the confidence, as the tree writes them, without the opening brace. */
    private static String tail(Reply.AnswerReply answer) {
        ObjectNode whole = ProtocolCodec.toJsonTree(answer);
        ObjectNode rest = whole.objectNode();
        whole.properties().stream()
                .filter(field -> !HEAD.contains(field.getKey()))
                .forEach(field -> rest.set(field.getKey(), field.getValue()));
        return rest.toString().substring(1);
    }

    private record Body(Intent intent, String text, List<Citation> sources, List<String> quickReplies,
                        List<CrisisResource> resources) {
    }
}
