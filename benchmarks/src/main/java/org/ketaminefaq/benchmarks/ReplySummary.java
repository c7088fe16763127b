package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.CharBuffer;

/**
 * The top-level fields of a server frame that the load tool checks: {@code type}, {@code intent}, {@code code} and
 * {@code text}; {@code null} where absent. Read with Jackson's streaming parser, so that checking a reply costs the
 * load generator little of the CPU it shares with the server.
 */
record ReplySummary(String type, String intent, String code, String text) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Never throws: a frame that is not a JSON object gives type {@code "<not json>"}. */
    static ReplySummary parse(CharSequence frame) {
        return parse(frame, true);
    }

    /** As {@link #parse(CharSequence)}; without {@code withText}, the {@code text} field is skipped and left null. */
    static ReplySummary parse(CharSequence frame, boolean withText) {
        String type = null;
        String intent = null;
        String code = null;
        String text = null;
        try (JsonParser p = parser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new ReplySummary("<not json>", null, null, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    switch (name) {
                        case "type" -> type = p.getText();
                        case "intent" -> intent = p.getText();
                        case "code" -> code = p.getText();
                        case "text" -> text = withText ? p.getText() : null;
                        default -> { }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return new ReplySummary("<not json>", null, null, null);
        }
        return new ReplySummary(type, intent, code, text);
    }

    /** Reads the characters where they are: a frame as the JDK decoded it is a buffer over an array. */
    private static JsonParser parser(CharSequence frame) throws IOException {
        if (frame instanceof CharBuffer buffer && buffer.hasArray()) {
            return JSON.createParser(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        return JSON.createParser(frame.toString());
    }
}
