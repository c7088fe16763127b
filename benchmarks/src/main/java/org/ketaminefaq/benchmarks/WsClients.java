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
 * WebSocket connections from the JDK's client, spread over one {@link HttpClient} (one selector thread) per core.
 * Callbacks run on the selector thread itself: the listeners never block.
 */
final class WsClients {

    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    /** One set for the whole JVM: a JDK 17 client cannot be closed, and its selector thread lives as long as it does. */
    private static final WsClients SHARED = new WsClients(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private WsClients(int clients) {
        this.clients = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            this.clients[i] = HttpClient.newBuilder().executor(Runnable::run).build();
        }
    }

    /** The clients every run of this JVM uses: one per available processor. */
    static WsClients shared() {
        return SHARED;
    }

    /** With an {@code Origin} header, as a browser on that site sends; {@code null} for none. */
    CompletableFuture<WebSocket> connect(URI uri, String origin, WebSocket.Listener listener, Duration timeout) {
        HttpClient client = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(uri, listener);
    }

    /**
     * Hands on whole text frames, however the JDK splits them, one at a time and in order, without copying them into
     * new strings (the load generator's own garbage would pause the round trips it measures). Binary frames are
     * ignored.
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
