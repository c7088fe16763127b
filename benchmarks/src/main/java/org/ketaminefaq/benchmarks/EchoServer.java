package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The limit of this stack: a WebSocket endpoint at {@code /chat} on the same kind of server as the chat server
 * (Tyrus's engine in a {@code TyrusServerContainer}, plugged into a Grizzly {@code HttpServer} with the
 * {@code WebSocketAddOn}, the same threads ({@link ChatServer#configureThreads}), the same frame and message limits
 * and idle timeout) that does only what any JSON-over-WebSocket server must: on open it sends a small welcome object;
 * for each text frame it parses the JSON with Jackson and sends back
 * {@code {"type":"echo","text":<the frame's text>}}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.EchoServer --port 0
 * }</pre>
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = "Runs the bare Tyrus/Grizzly JSON echo endpoint at /chat that the load tool compares against.")
public final class EchoServer implements Callable<Integer>, AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String WELCOME = "{\"type\":\"welcome\",\"text\":\"echo\"}";
    private static final Logger TYRUS_LOG = Logger.getLogger("org.glassfish.tyrus");
    private static final Logger GRIZZLY_LOG = Logger.getLogger("org.glassfish.grizzly");

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 0;

    @Option(names = "--reply-bytes", paramLabel = "BYTES", description = "Pad each echo with a \"pad\" field to "
            + "about this many bytes, as large as a chat reply (default: ${DEFAULT-VALUE}, no padding).")
    int replyBytes;

    private HttpServer http;
    private EchoContainer container;
    private int boundPort;

    public static void main(String[] args) {
        int code = new CommandLine(new EchoServer()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts an echo server in this JVM (for tests and warm-ups); {@link #close()} stops it. */
    static EchoServer start(String host, int port) throws IOException {
        EchoServer server = new EchoServer();
        server.host = host;
        server.port = port;
        server.startServer();
        return server;
    }

    @Override
    public Integer call() throws Exception {
        startServer();
        PrintWriter out = new PrintWriter(System.out, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "echo-shutdown"));
        out.println("Echo: " + uri());
        stopped.await();
        return 0;
    }

    private void startServer() throws IOException {
        TYRUS_LOG.setLevel(Level.INFO);
        GRIZZLY_LOG.setLevel(Level.INFO);
        container = new EchoContainer(ServerConfig.DEFAULT_MAX_FRAME_BYTES, ServerConfig.DEFAULT_IDLE_TIMEOUT);
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("echo", host, port);
        ChatServer.configureThreads(listener);
        listener.registerAddOn(new WebSocketAddOn(container, "/"));
        http.addListener(listener);
        http.start();
        boundPort = listener.getPort();
        try {
            EchoEndpoint.padTo = replyBytes;
            container.register(ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/chat").build());
        } catch (DeploymentException e) {
            http.shutdownNow();
            throw new IllegalStateException("cannot deploy the echo endpoint", e);
        }
    }

    /** The endpoint's address, such as {@code ws://127.0.0.1:41234/chat}. */
    URI uri() {
        return URI.create("ws://" + host + ":" + boundPort + "/chat");
    }

    @Override
    public void close() {
        if (http != null) {
            try {
                http.shutdown(3, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                http.shutdownNow();
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the graceful stop failed or took too long: stop at once
                http.shutdownNow();
            }
            container.stop();
            http = null;
        }
    }

    /** Parses each text frame and echoes its text in a JSON object. Public: Tyrus instantiates it. */
    public static final class EchoEndpoint extends Endpoint {
        /** The size to pad replies to; 0 for none. Set once, before the endpoint is deployed. */
        static volatile int padTo;
        private static final String PADDING = "x".repeat(64 * 1024);

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> send(session, echo(text)));
            send(session, WELCOME);
        }

        static String echo(String frame) {
            ObjectNode reply = MAPPER.createObjectNode();
            try {
                JsonNode json = MAPPER.readTree(frame);
                reply.put("type", "echo");
                reply.set("text", json == null ? null : json.get("text"));
                int pad = padTo - frame.length() - 30; // about the size of the rest of the reply
                if (pad > 0) {
                    reply.put("pad", PADDING.substring(0, Math.min(pad, PADDING.length())));
                }
            } catch (JsonProcessingException e) {
                reply.put("type", "error");
                reply.put("code", "bad_json");
            }
            return reply.toString();
        }

        /** Hands the reply to Tyrus without waiting for the client to take it, as the chat server does. */
        private static void send(Session session, String json) {
            try {
                session.getAsyncRemote().sendText(json, result -> { });
            } catch (IllegalStateException e) {
                // the client left
            }
        }
    }

    /** The same container set-up as the chat server's, without its frame size guard. */
    private static final class EchoContainer extends TyrusServerContainer {
        private static final int MAX_FRAME_HEADER_BYTES = 14;
        private final TyrusWebSocketEngine engine;

        EchoContainer(int maxFrameBytes, Duration idleTimeout) {
            super((Set<Class<?>>) null);
            setDefaultMaxSessionIdleTimeout(idleTimeout.toMillis());
            setDefaultMaxTextMessageBufferSize(maxFrameBytes);
            setDefaultMaxBinaryMessageBufferSize(maxFrameBytes);
            this.engine = TyrusWebSocketEngine.builder(this)
                    .incomingBufferSize(maxFrameBytes + MAX_FRAME_HEADER_BYTES)
                    .build();
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "");
        }

        @Override
        public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
            engine.register(serverEndpointConfig, "");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of();
        }
    }
}
