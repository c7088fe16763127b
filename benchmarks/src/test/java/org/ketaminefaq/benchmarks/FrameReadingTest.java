package org.ketaminefaq.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.http.WebSocket;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load tool reads frames as the JDK hands them over, in pieces or whole; it must see each frame whole and alone. */
class FrameReadingTest {

    private static final String ANSWER = "{\"type\":\"answer\",\"intent\":\"cost\",\"confidence\":0.65,"
            + "\"text\":\"Prices vary — by clinic.\",\"sources\":[{\"id\":\"a\"}]}";

    @Test
    void aFrameInPiecesArrivesWholeAndTheNextOneAlone() {
        List<String> frames = new ArrayList<>();
        WsClients.FrameListener listener = new WsClients.FrameListener() {
            @Override
            void onFrame(WebSocket ws, CharSequence frame) {
                frames.add(frame.toString());
            }

            @Override
            void onEnd(int code) {
            }
        };
        WebSocket ws = noOpWebSocket();
        char[] decoded = ANSWER.toCharArray();

        listener.onText(ws, CharBuffer.wrap(decoded, 0, 40), false);
        listener.onText(ws, ANSWER.substring(40, 70), false);
        listener.onText(ws, CharBuffer.wrap(decoded, 70, decoded.length - 70), true);
        listener.onText(ws, CharBuffer.wrap("{\"type\":\"echo\"}"), true);
        listener.onText(ws, "{\"type\":", false);
        listener.onText(ws, "\"error\"}", true);

        assertEquals(List.of(ANSWER, "{\"type\":\"echo\"}", "{\"type\":\"error\"}"), frames);
    }

    private static WebSocket noOpWebSocket() {
        return (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(), new Class<?>[] {WebSocket.class},
                (proxy, method, args) -> null);
    }
}
