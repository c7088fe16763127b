package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A real Tyrus WebSocket client for the integration tests: sends frames, and takes replies and the close reason with
 * a timeout, so that a missing reply fails the test instead of hanging it.
 *
 * <p>Works around two races of the Tyrus 2.2.2 client, both in {@code TyrusSession.restartIdleTimeoutExecutor}, the
 * one place a session uses its container's executor, on every send and every received message. A
 * {@code ClientManager} shuts its executors down when it counts no open connection, sometimes while a connection is
 * just opening, and that session then fails with a {@code RejectedExecutionException}; and a session created with
 * the default idle timeout of 0 schedules an idle check with no delay. So each client has its own manager, shut down
 * with it, whose sessions have no idle timeout (-1) and never schedule anything.
 */
final class ChatClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final ClientManager client;
    private final Session session;

    private ChatClient(ClientManager client, URI uri, String origin) throws DeploymentException, IOException {
        this.client = client;
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.remove("Origin");
                        if (origin != null) {
                            headers.put("Origin", List.of(origin));
                        }
                    }
                })
                .build();
        this.session = client.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig endpointConfig) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            }

            @Override
            public void onClose(Session session, CloseReason closeReason) {
                closed.complete(closeReason);
            }

            @Override
            public void onError(Session session, Throwable error) {
                // a broken connection ends with onClose too; the tests look at the close reason
            }
        }, config, uri);
    }

    /** Connects with the server's own origin, as the demo page would. */
    static ChatClient connect(ChatServer server) throws DeploymentException, IOException {
        return connect(server, "http://127.0.0.1:" + server.port());
    }

    /** Connects with this {@code Origin} header; {@code null} sends none. */
    static ChatClient connect(ChatServer server, String origin) throws DeploymentException, IOException {
        return connect(server.chatUri(), origin);
    }

    /** Connects to a chat address with this {@code Origin} header; {@code null} sends none. */
    static ChatClient connect(URI chat, String origin) throws DeploymentException, IOException {
        ClientManager client = ClientManager.createClient();
        client.setDefaultMaxSessionIdleTimeout(-1); // see the class comment
        try {
            return new ChatClient(client, chat, origin);
        } catch (DeploymentException | IOException | RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** Connects and takes the welcome. */
    static ChatClient welcomed(ChatServer server) throws Exception {
        ChatClient chat = connect(server);
        assertEquals("welcome", chat.next().get("type").asText());
        return chat;
    }

    /** Sends {@code {"type":"message","text":...}} and returns the one reply. */
    JsonNode say(String text) throws Exception {
        sendMessage(text);
        return next();
    }

    void sendMessage(String text) throws IOException {
        sendRaw(JsonNodeFactory.instance.objectNode().put("type", "message").put("text", text).toString());
    }

    void sendRaw(String frame) throws IOException {
        session.getBasicRemote().sendText(frame);
    }

    Session session() {
        return session;
    }

    /** The next reply, parsed; fails after {@link #TIMEOUT}. */
    JsonNode next() throws Exception {
        String frame = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(frame, "no reply within " + TIMEOUT);
        return JSON.readTree(frame);
    }

    /** The close reason the server gave; fails after {@link #TIMEOUT}. */
    CloseReason closeReason() throws Exception {
        return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Replies received and not yet taken. */
    int pending() {
        return received.size();
    }

    @Override
    public void close() throws IOException {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } finally {
            client.shutdown();
        }
    }
}
