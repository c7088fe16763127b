package org.ketaminefaq.chatbot.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * The Tyrus server container behind {@code /chat}, for our own Grizzly {@code HttpServer}: Tyrus's stock server
 * serves static files from the file system only and binds every address, so {@link ChatServer} builds the HTTP
 * server itself and plugs this container in with Tyrus's {@code WebSocketAddOn}. What it adds to Tyrus's base class
 * is the engine, and a {@link FrameSizeGuard} in front of every connection's read handler. Public so that the
 * benchmarks' bare echo server runs on the very same container.
 */
public final class ChatContainer extends TyrusServerContainer {

    /** The largest WebSocket frame header: 2 bytes, 8 of extended length, 4 of mask. */
    static final int MAX_FRAME_HEADER_BYTES = 14;

    private final TyrusWebSocketEngine engine;
    private final WebSocketEngine guardedEngine;

    /**
     * A container whose connections take frames and messages of at most {@code maxFrameBytes} and are closed after
     * {@code idleTimeout} without a message.
     */
    public ChatContainer(int maxFrameBytes, Duration idleTimeout) {
        super((Set<Class<?>>) null);
        // Sessions take these defaults when Tyrus creates them, before onOpen. The idle timeout must be set here:
        // with the base class's default of 0, each new TyrusSession schedules its idle check with a delay of 0, and
        // if that check runs after onOpen has set a real timeout, it closes the brand-new session.
        setDefaultMaxSessionIdleTimeout(idleTimeout.toMillis());
        // a message sent in fragments is reassembled up to this size; Tyrus closes with 1009 beyond it
        setDefaultMaxTextMessageBufferSize(maxFrameBytes);
        setDefaultMaxBinaryMessageBufferSize(maxFrameBytes);
        // the guard hands Tyrus one frame at a time, so one frame is all Tyrus ever needs to buffer
        this.engine = TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(maxFrameBytes + MAX_FRAME_HEADER_BYTES)
                .build();
        this.guardedEngine = new GuardedEngine(engine, maxFrameBytes);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, "");
    }

    /** The engine Tyrus's Grizzly filter hands each handshake to. */
    @Override
    public WebSocketEngine getWebSocketEngine() {
        return guardedEngine;
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    /** Tyrus's engine, with the frame size guard on each connection it opens. */
    private record GuardedEngine(WebSocketEngine tyrus, int maxFrameBytes) implements WebSocketEngine {

        @Override
        public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
            UpgradeInfo info = tyrus.upgrade(request, response);
            return new UpgradeInfo() {
                @Override
                public UpgradeStatus getStatus() {
                    return info.getStatus();
                }

                @Override
                public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                    Connection connection = info.createConnection(writer, closeListener);
                    return connection == null ? null : new GuardedConnection(connection, maxFrameBytes);
                }
            };
        }

        @Override
        public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
            tyrus.register(endpointClass, contextPath);
        }

        @Override
        public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
            tyrus.register(serverConfig, contextPath);
        }
    }

    /** A Tyrus connection whose reads pass the frame size guard first. */
    private static final class GuardedConnection implements Connection {
        private final Connection tyrus;
        private final ReadHandler guard;

        GuardedConnection(Connection tyrus, int maxFrameBytes) {
            this.tyrus = tyrus;
            this.guard = new FrameSizeGuard(tyrus.getReadHandler(), maxFrameBytes, () -> tyrus.close(
                    new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                            "Frames are limited to " + maxFrameBytes + " bytes.")));
        }

        @Override
        public ReadHandler getReadHandler() {
            return guard;
        }

        @Override
        public Writer getWriter() {
            return tyrus.getWriter();
        }

        @Override
        public CloseListener getCloseListener() {
            return tyrus.getCloseListener();
        }

        @Override
        public void close(CloseReason reason) {
            tyrus.close(reason);
        }
    }
}
