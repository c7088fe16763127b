package org.ketaminefaq.chatbot.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.nlp.IntentRecognizer;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.eligibility.EligibilityRules;

/**
 * The chat server: on one port, the demo page ({@code GET /}), the widget's launcher ({@code GET /widget.js}) and
 * chat panel ({@code GET /panel}), a health check
 * ({@code GET /healthz}), the screening API ({@code POST /api/screening}) and the chat WebSocket ({@code /chat}).
 * Thread-safe.
 *
 * <pre>{@code
 * try (ChatServer server = ChatServer.start(ServerConfig.builder().port(0).build())) {
 *     URI page = server.uri();        // http://127.0.0.1:41234/
 *     URI chat = server.chatUri();    // ws://127.0.0.1:41234/chat
 * }
 * }</pre>
 *
 * <p>Privacy: Tyrus and Grizzly log frame contents and requests at their finer levels, so the server caps the
 * {@code org.glassfish.tyrus} and {@code org.glassfish.grizzly} loggers at INFO, whatever the logging configuration
 * says; nothing a visitor sends may reach a log.
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());

    // java.util.logging holds loggers weakly: a level set on a logger nobody references is lost at the next GC
    private static final Logger TYRUS_LOG = Logger.getLogger("org.glassfish.tyrus");
    private static final Logger GRIZZLY_LOG = Logger.getLogger("org.glassfish.grizzly");

    /** The WebSocket path. */
    public static final String CHAT_PATH = "/chat";

    /** How long {@link #close()} waits for chats to take their close frame before the connections are cut. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final ServerConfig config;
    private final HttpServer http;
    private final ChatContainer container;
    private final SlowReaderGuard slowReaders;
    private final OpenSessions sessions;
    private final ExecutorService dialogue;
    private final int port;
    private final Optional<HttpServer> metricsServer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChatServer(ServerConfig config, HttpServer http, ChatContainer container, SlowReaderGuard slowReaders,
                       OpenSessions sessions, ExecutorService dialogue, int port, Optional<HttpServer> metricsServer) {
        this.config = config;
        this.http = http;
        this.container = container;
        this.slowReaders = slowReaders;
        this.sessions = sessions;
        this.dialogue = dialogue;
        this.port = port;
        this.metricsServer = metricsServer;
    }

    /**
     * Starts a server and returns once it takes connections.
     *
     * @throws IOException if the host and port cannot be bound, such as a port already in use
     * @throws IllegalArgumentException if the resume key file cannot be read or is too short
     */
    public static ChatServer start(ServerConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        capLibraryLogging();
        long begin = System.nanoTime();
        ClinicKnowledge clinic = ClinicKnowledge.of(KnowledgeBase.load(), config.profile());
        DialogueEngine engine = DialogueEngine.create(clinic, IntentRecognizer.shipped(), config.maxMessageLength());
        // the key file is read before anything starts, so that a bad one stops the server with its reason
        ResumeTokens resumeTokens = config.resumeKeyFile().isPresent()
                ? ResumeTokens.fromKeyFile(config.resumeKeyFile().get(), config.resumeLifetime())
                : ResumeTokens.withRandomKey(config.resumeLifetime());
        ExecutorService dialogue = dialoguePool();
        OpenSessions sessions = new OpenSessions(config.maxSessions());
        ChatMetrics metrics = new ChatMetrics(ChatEndpoint.CLINIC_ID, sessions::count);

        ChatContainer container = new ChatContainer(config.maxFrameBytes(), config.idleTimeout());
        forgetCancelledIdleChecks(container);
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("ketamine-faq", config.host(), config.port());
        configureThreads(listener);
        // any blocking read gives up after this; WebSocket frames and the screening API's bodies are read without
        // blocking (the API gives the whole body this long)
        listener.getTransport().setReadTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        listener.registerAddOn(new WebSocketOnlyUpgrades());
        listener.registerAddOn(new WebSocketAddOn(container, "/"));
        // a client that never reads its replies is cut off, rather than queued for without limit
        Duration stall = config.idleTimeout().compareTo(config.maxUnreadStall()) < 0 ? config.idleTimeout()
                : config.maxUnreadStall();
        SlowReaderGuard slowReaders = new SlowReaderGuard(config.maxUnreadReplyBytes(), stall);
        listener.registerAddOn(slowReaders);
        http.addListener(listener);

        ServerConfiguration routes = http.getServerConfiguration();
        routes.addHttpHandler(StaticFilesHandler.load(ChatServer.class.getClassLoader(), ClinicCard.of(engine),
                OriginPolicy.frameAncestors(config.profile().allowedOrigins())), "/");
        routes.addHttpHandler(new HealthHandler(), "/healthz");
        // the read timeout is the whole body's: a body read a byte at a time must not hold the request for ever
        routes.addHttpHandler(new ScreeningApiHandler(EligibilityRules.of(clinic), config.maxRequestBytes(),
                config.readTimeout()), "/api/screening");
        if (config.metrics() && config.metricsPort().isEmpty()) {
            routes.addHttpHandler(new MetricsHandler(metrics), "/metrics");
        }

        try {
            http.start();
        } catch (IOException e) {
            container.stop();
            slowReaders.close();
            dialogue.shutdownNow();
            throw new IOException("Cannot listen on " + OriginPolicy.hostForUrl(config.host()) + ":" + config.port()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        int port = listener.getPort();

        // the server's own origin is only known now, when the port is bound
        OriginPolicy origins = OriginPolicy.of(config.profile().allowedOrigins(), config.host(), port,
                config.publicOrigin());
        if (origins.allowsAny()) {
            LOG.warning("The clinic profile lists no allowedOrigins, so a page on any web site can open a chat. "
                    + "List the clinic's site (such as https://clinic.example) in the profile's allowedOrigins.");
        }
        ServerEndpointConfig chat = ServerEndpointConfig.Builder.create(ChatEndpoint.class, CHAT_PATH)
                .configurator(new ChatConfigurator(origins, metrics,
                        () -> new ChatEndpoint(engine, config, sessions, dialogue, resumeTokens, metrics)))
                .build();
        try {
            container.register(chat);
        } catch (DeploymentException e) {
            http.shutdownNow();
            container.stop();
            slowReaders.close();
            dialogue.shutdownNow();
            throw new IllegalStateException("Cannot deploy the chat endpoint at " + CHAT_PATH, e);
        }
        Optional<HttpServer> metricsServer = Optional.empty();
        if (config.metrics() && config.metricsPort().isPresent()) {
            metricsServer = Optional.of(metricsServer(config, metrics));
        }
        ChatServer server = new ChatServer(config, http, container, slowReaders, sessions, dialogue, port,
                metricsServer);
        LOG.log(Level.INFO, "Chat server listening on {0} in {1} ms",
                new Object[] {server.uri(), (System.nanoTime() - begin) / 1_000_000});
        return server;
    }

    /**
     * Gives a listener the chat server's threads: WebSocket frames are read and written on Grizzly's selector
     * threads (one per core), which hand each chat message to the dialogue's pool, and HTTP requests run on a worker
     * pool of two threads per core. Public so that a benchmark's bare WebSocket server can run on the same set-up.
     *
     * <p>HTTP handlers may block on a slow client's writes, so they stay off the selector threads: when a request
     * arrives on one, Grizzly runs its handler on the worker pool.
     */
    public static void configureThreads(NetworkListener listener) {
        int workers = 2 * Runtime.getRuntime().availableProcessors();
        listener.getTransport().setIOStrategy(SameThreadIOStrategy.getInstance());
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().copy()
                .setPoolName("ketamine-faq-http").setCorePoolSize(workers).setMaxPoolSize(workers));
    }

    /**
     * The threads that compute chat replies: one per core, since recognising a message is CPU work (a neural model
     * on one thread per call) that never waits. Messages queue here in arrival order; how many a chat can queue is
     * bounded by its rate limit.
     */
    private static ExecutorService dialoguePool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "ketamine-faq-dialogue-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code /metrics} alone, on a port of its own, so that an operator can keep it off the public port. */
    private static HttpServer metricsServer(ServerConfig config, ChatMetrics metrics) throws IOException {
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("ketamine-faq-metrics", config.host(),
                config.metricsPort().orElseThrow());
        configureThreads(listener);
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(new MetricsHandler(metrics), "/metrics");
        try {
            server.start();
        } catch (IOException e) {
            throw new IOException("Cannot serve metrics on " + OriginPolicy.hostForUrl(config.host()) + ":"
                    + config.metricsPort().orElseThrow() + " (" + e.getMessage() + ")", e);
        }
        return server;
    }

    /** The port of {@code /metrics} when it has one of its own. */
    public Optional<Integer> metricsPort() {
        return metricsServer.map(s -> s.getListener("ketamine-faq-metrics").getPort());
    }

    /** The port the server listens on; the chosen free port when the configuration said 0. */
    public int port() {
        return port;
    }

    /** The demo page, such as {@code http://127.0.0.1:8025/}. */
    public URI uri() {
        return URI.create("http://" + OriginPolicy.hostForUrl(config.host()) + ":" + port + "/");
    }

    /** The chat endpoint, such as {@code ws://127.0.0.1:8025/chat}. */
    public URI chatUri() {
        return URI.create("ws://" + OriginPolicy.hostForUrl(config.host()) + ":" + port + CHAT_PATH);
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** How many chats are open right now. */
    public int openChats() {
        return sessions.count();
    }

    /**
     * Stops the server: every open chat is closed with 1001 (going away), then the port is released. Calling it
     * again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int chats = sessions.closeAll(new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
                "The chat server is stopping."));
        try {
            // a graceful shutdown lets the close frames and running requests go out before connections are cut
            http.shutdown(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .get(CLOSE_GRACE.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            http.shutdownNow();
        } finally {
            metricsServer.ifPresent(HttpServer::shutdownNow);
            container.stop();
            slowReaders.close();
            dialogue.shutdownNow();
        }
        LOG.log(Level.INFO, "Chat server stopped; closed {0} open chats", chats);
    }

    /**
     * Tyrus restarts a chat's idle timer on every frame in and out by cancelling one task and scheduling another on
     * the container's scheduler, which keeps cancelled tasks queued until their delay is over: the idle timeout, five
     * minutes by default. A client sending tiny frames as fast as it can would pile up about 160 bytes per frame for
     * five minutes (32 MB for 200,000 frames, which one connection sends in a few seconds): memory without bound.
     * With this policy a cancelled task leaves the queue at once.
     */
    private static void forgetCancelledIdleChecks(ChatContainer container) {
        if (container.getScheduledExecutorService() instanceof ScheduledThreadPoolExecutor scheduler) {
            scheduler.setRemoveOnCancelPolicy(true);
        } else {
            LOG.warning("Tyrus's scheduler is not a ScheduledThreadPoolExecutor; cancelled idle checks of chats stay "
                    + "queued until their timeout");
        }
    }

    private static void capLibraryLogging() {
        for (Logger logger : new Logger[] {TYRUS_LOG, GRIZZLY_LOG}) {
            Level level = logger.getLevel();
            if (level == null || level.intValue() < Level.INFO.intValue()) {
                logger.setLevel(Level.INFO);
            }
        }
    }
}
