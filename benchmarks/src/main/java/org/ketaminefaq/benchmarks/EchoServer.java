package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.ketaminefaq.chatbot.server.ChatContainer;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The stack's reference: a WebSocket endpoint at {@code /chat} on the chat server's own container
 * ({@link ChatContainer}, the same limits) and threads ({@link ChatServer#configureThreads}), which only parses each
 * frame's JSON and sends back {@code {"type":"echo","text":...}}, padded to {@code --reply-bytes} when asked so that
 * its replies are as large as the chat's.
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = "The bare JSON echo endpoint at /chat on the chat server's container, for comparison.")
public final class EchoServer implements Callable<Integer>, AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Option(names = "--port", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--reply-bytes", paramLabel = "BYTES", description = "Pad each echo to about this size.")
    int replyBytes;

    private HttpServer http;
    private ChatContainer container;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EchoServer()).execute(args));
    }

    /** An echo server in this JVM, for the smoke test. */
    static EchoServer start(int port) throws Exception {
        EchoServer server = new EchoServer();
        server.port = port;
        server.startServer();
        return server;
    }

    @Override
    public Integer call() throws Exception {
        startServer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }));
        System.out.println("Echo: " + uri());
        stopped.await();
        return 0;
    }

    private void startServer() throws Exception {
        container = new ChatContainer(ServerConfig.DEFAULT_MAX_FRAME_BYTES, ServerConfig.DEFAULT_IDLE_TIMEOUT);
        http = new HttpServer();
        NetworkListener listener = new NetworkListener("echo", ServerConfig.DEFAULT_HOST, port);
        ChatServer.configureThreads(listener);
        listener.registerAddOn(new WebSocketAddOn(container, "/"));
        http.addListener(listener);
        http.start();
        port = listener.getPort();
        int pad = replyBytes;
        container.register(ServerEndpointConfig.Builder.create(EchoEndpoint.class, "/chat")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new EchoEndpoint(pad));
                    }
                }).build());
    }

    URI uri() {
        return URI.create("ws://" + ServerConfig.DEFAULT_HOST + ":" + port + "/chat");
    }

    @Override
    public void close() {
        if (http != null) {
            http.shutdownNow();
            container.stop();
            http = null;
        }
    }

    /** Echoes each frame's text; public because Tyrus asks for the class. */
    public static final class EchoEndpoint extends Endpoint {
        private final int padTo;

        EchoEndpoint(int padTo) {
            this.padTo = padTo;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> send(session, echo(text)));
            send(session, "{\"type\":\"welcome\",\"text\":\"echo\"}");
        }

        private String echo(String frame) {
            ObjectNode reply = MAPPER.createObjectNode().put("type", "echo");
            try {
                JsonNode json = MAPPER.readTree(frame);
                reply.set("text", json.get("text"));
            } catch (Exception e) {
                return "{\"type\":\"error\",\"code\":\"bad_json\"}";
            }
            int pad = padTo - frame.length() - 30;
            return pad > 0 ? reply.put("pad", "x".repeat(pad)).toString() : reply.toString();
        }

        private static void send(Session session, String json) {
            session.getAsyncRemote().sendText(json, result -> { });
        }
    }
}
