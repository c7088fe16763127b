package org.ketaminefaq.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WebSocket connections from the JDK's {@code java.net.http} client, spread over a few {@link HttpClient}s: each
 * client has one selector thread, and one per core lets the load generator use both cores of this machine when
 * the server leaves them idle. Callbacks run on the selector thread itself (a direct executor): the load tool's
 * listeners never block, and handing every frame to another thread would only add a context switch per frame.
 */
final class WsClients {

    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    WsClients(int clients) {
        this.clients = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            this.clients[i] = HttpClient.newBuilder().executor(Runnable::run).build();
        }
    }

    /** One client per available processor. */
    static WsClients perProcessor() {
        return new WsClients(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    CompletableFuture<WebSocket> connect(URI uri, WebSocket.Listener listener, Duration timeout) {
        HttpClient client = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
        return client.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, listener);
    }

    /**
     * A listener that hands on whole text frames, however the JDK splits them, one at a time and in order.
     * Binary frames are ignored. A frame is handed on as the characters the JDK decoded, or as the pieces joined in a
     * buffer kept for the next frame, never copied into a new string: with chat-sized replies, the copies were a
     * third of what the load generator allocated per message, and its garbage collections paused the very round
     * trips it measures.
     */
    abstract static class FrameListener implements WebSocket.Listener {
        private char[] partial = new char[0];
        private int partialLength;

        /** A whole text frame arrived; {@code frame} is valid only until this returns. Must not block. */
        abstract void onFrame(WebSocket ws, CharSequence frame);

        /** The connection closed (a close frame) or failed ({@code code} -1). */
        abstract void onEnd(int code);

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last && partialLength == 0) {
                onFrame(ws, data);
            } else {
                append(data);
                if (last) {
                    CharBuffer frame = CharBuffer.wrap(partial, 0, partialLength);
                    partialLength = 0;
                    onFrame(ws, frame);
                }
            }
            ws.request(1);
            return null;
        }

        private void append(CharSequence data) {
            int n = data.length();
            if (partialLength + n > partial.length) {
                partial = Arrays.copyOf(partial, Math.max(partialLength + n, 2 * partial.length));
            }
            if (data instanceof CharBuffer buffer) {
                buffer.get(buffer.position(), partial, partialLength, n);
            } else {
                data.toString().getChars(0, n, partial, partialLength);
            }
            partialLength += n;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            onEnd(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            onEnd(-1);
        }
    }
}
