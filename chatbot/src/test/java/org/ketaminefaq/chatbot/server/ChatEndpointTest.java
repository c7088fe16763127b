package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatEndpointTest {

    @Test
    void countsUtf8BytesLikeTheEncoderDoes() {
        // Tyrus decodes frames as strict UTF-8, so the text never holds a lone surrogate
        for (String text : new String[] {"", "hello", "Kétamine", "ケタミン", "🙂 ok", "a\u00A0b\u07FF\u0800"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, ChatEndpoint.utf8Length(text), text);
        }
    }
}
