package org.ketaminefaq.chatbot.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;

/**
 * The chat server: on one port, each clinic's chat WebSocket, screening API, chat panel and demo page, the widget's
 * launcher ({@code GET /widget.js}, shared by every clinic) and a health check ({@code GET /healthz}). It is handed
 * the clinics it serves, then started; the recognizer and knowledge base behind their dialogue engines are shared.
 * <ul>
 *   <li>A clinic given to {@link #clinic(String, ClinicChat)} is under {@code /c/{id}/}: its chat at
 *   {@code /c/{id}/chat}, its screening API at {@code /c/{id}/api/screening}, its panel at {@code /c/{id}/panel}
 *   and its test page at {@code /c/{id}/}. A page picks it with {@code data-clinic="{id}"} on the script tag.</li>
 *   <li>A server of one clinic may serve it at the root instead, with {@link #clinicAtRoot(ClinicChat)}:
 *   {@code /chat}, {@code /api/screening}, {@code /panel} and {@code /}.</li>
 * </ul>
 * Configure it from one thread, then start it; once started it is thread-safe.
 *
 * <pre>{@code
 * try (ChatServer server = ChatServer.create(ServerConfig.builder().port(0).build())
 *         .clinic("harbor", ClinicChat.of(ClinicProfile.load(Path.of("clinics/harbor.json"))))
 *         .start()) {
 *     URI page = server.uri("harbor");        // http://127.0.0.1:41234/c/harbor/
 *     URI chat = server.chatUri("harbor");    // ws://127.0.0.1:41234/c/harbor/chat
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

    /** The WebSocket path, under a clinic's prefix. */
    public static final String CHAT_PATH = "/chat";

    /** The screening API's path, under a clinic's prefix. */
    public static final String SCREENING_PATH = "/api/screening";

    /** The id that resume tokens and metrics give the clinic served at the root. */
    public static final String ROOT_CLINIC_ID = "default";

    /** How long {@link #close()} waits for chats to take their close frame before the connections are cut. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    /** A clinic and where it is served: {@code prefix} is {@code ""} at the root, else {@code /c/{id}}. */
    private record Mount(String id, String prefix, ClinicChat chat) {
    }

    /** What a started server holds. */
    private record Running(HttpServer http, ChatContainer container, SlowReaderGuard slowReaders,
                           OpenSessions sessions, ExecutorService dialogue, int port,
                           Optional<HttpServer> metricsServer) {
    }

    private final ServerConfig config;
    private final Map<String, Mount> clinics = new LinkedHashMap<>();
    private volatile Running running;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChatServer(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A server that will run with {@code config}; give it its clinics, then {@link #start()} it. */
    public static ChatServer create(ServerConfig config) {
        return new ChatServer(config);
    }

    /**
     * Serves {@code chat} under {@code /c/{id}/}.
     *
     * @throws IllegalArgumentException if {@code id} is not 1 to 40 lower-case letters, digits and hyphens, or is
     *     served already
     * @throws IllegalStateException if the server has started
     */
    public ChatServer clinic(String id, ClinicChat chat) {
        return mount(new Mount(ClinicChat.requireId(id), "/c/" + id, Objects.requireNonNull(chat, "chat")));
    }

    /**
     * Serves {@code chat} at the root: {@code /chat}, {@code /api/screening}, {@code /panel} and {@code /}. Its resume
     * tokens and metrics name it {@value #ROOT_CLINIC_ID}.
     *
     * @throws IllegalArgumentException if a clinic is served at the root already
     * @throws IllegalStateException if the server has started
     */
    public ChatServer clinicAtRoot(ClinicChat chat) {
        return mount(new Mount(ROOT_CLINIC_ID, "", Objects.requireNonNull(chat, "chat")));
    }

    private ChatServer mount(Mount mount) {
        if (running != null || closed.get()) {
            throw new IllegalStateException("clinics are given to the server before it starts");
        }
        if (clinics.putIfAbsent(mount.id(), mount) != null) {
            throw new IllegalArgumentException("the clinic id \"" + mount.id() + "\" is served already");
        }
        return this;
    }

    /**
     * Starts the server on the configuration's host and port and returns once it takes connections.
     *
     * @return this server
     * @throws IOException if the host and port cannot be bound, such as a port already in use
     * @throws IllegalArgumentException if the resume key file cannot be read or is too short
     * @throws IllegalStateException if the server has no clinic, or was started before
     */
    public ChatServer start() throws IOException {
        if (clinics.isEmpty()) {
            throw new IllegalStateException("the server has no clinic to serve; give it one with clinic(id, chat)");
        }
        if (running != null || closed.get()) {
            throw new IllegalStateException("a server starts once");
        }
        capLibraryLogging();
        long begin = System.nanoTime();
        // the key file is read before anything starts, so that a bad one stops the server with its reason
        ResumeTokens resumeTokens = config.resumeKeyFile().isPresent()
                ? ResumeTokens.fromKeyFile(config.resumeKeyFile().get(), config.resumeLifetime())
                : ResumeTokens.withRandomKey(config.resumeLifetime());
        ExecutorService dialogue = dialoguePool();
        OpenSessions sessions = new OpenSessions(config.maxSessions());
        PrometheusMeterRegistry registry = ChatMetrics.newRegistry();
        Map<String, ChatMetrics> metrics = new LinkedHashMap<>();
        clinics.keySet().forEach(id -> metrics.put(id, new ChatMetrics(registry, id)));

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

        List<StaticFilesHandler.ClinicPages> pages = new ArrayList<>();
        Map<String, HttpHandler> paths = new HashMap<>();
        for (Mount mount : clinics.values()) {
            pages.add(new StaticFilesHandler.ClinicPages(mount.prefix(), mount.prefix().isEmpty() ? "" : mount.id(),
                    ClinicCard.of(mount.chat().engine()), OriginPolicy.frameAncestors(mount.chat().allowedOrigins()),
                    mount.chat().profile().name().orElse(mount.id()), mount.chat().profile().crisis().emergencyNumber()));
            // the read timeout is the whole body's: a body read a byte at a time must not hold the request for ever
            paths.put(mount.prefix() + SCREENING_PATH, new ScreeningApiHandler(mount.chat().rules(),
                    config.maxRequestBytes(), config.readTimeout()));
        }
        paths.put("/healthz", new HealthHandler());
        if (config.metrics() && config.metricsPort().isEmpty()) {
            paths.put("/metrics", new MetricsHandler(registry));
        }
        http.getServerConfiguration().addHttpHandler(new PathRouter(paths,
                StaticFilesHandler.load(ChatServer.class.getClassLoader(), pages, notFound())), "/");

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

        for (Mount mount : clinics.values()) {
            // the server's own origin is only known now, when the port is bound
            OriginPolicy origins = OriginPolicy.of(mount.chat().allowedOrigins(), config.host(), port,
                    config.publicOrigin());
            if (origins.allowsAny()) {
                LOG.log(Level.WARNING, "The profile of clinic \"{0}\" lists no allowedOrigins, so a page on any web "
                        + "site can open its chat. List the clinic''s site (such as https://clinic.example) in the "
                        + "profile''s allowedOrigins.", mount.id());
            }
            ChatMetrics clinicMetrics = metrics.get(mount.id());
            DialogueEngine engine = mount.chat().engine();
            String path = mount.prefix() + CHAT_PATH;
            ServerEndpointConfig chat = ServerEndpointConfig.Builder.create(ChatEndpoint.class, path)
                    .configurator(new ChatConfigurator(origins, clinicMetrics, () -> new ChatEndpoint(mount.id(),
                            engine, config, sessions, dialogue, resumeTokens, clinicMetrics)))
                    .build();
            try {
                container.register(chat);
            } catch (DeploymentException e) {
                http.shutdownNow();
                container.stop();
                slowReaders.close();
                dialogue.shutdownNow();
                throw new IllegalStateException("Cannot deploy the chat endpoint at " + path, e);
            }
        }
        Optional<HttpServer> metricsServer = Optional.empty();
        if (config.metrics() && config.metricsPort().isPresent()) {
            metricsServer = Optional.of(metricsServer(config, registry));
        }
        running = new Running(http, container, slowReaders, sessions, dialogue, port, metricsServer);
        LOG.log(Level.INFO, "Chat server listening on {0} for {1} clinic(s) in {2} ms",
                new Object[] {uri(), clinics.size(), (System.nanoTime() - begin) / 1_000_000});
        return this;
    }

    /** What a request for a path the server does not serve is told. */
    private String notFound() {
        return clinics.containsKey(ROOT_CLINIC_ID) && clinics.get(ROOT_CLINIC_ID).prefix().isEmpty()
                ? "Nothing here. The chat is at /chat, the screening API at /api/screening."
                : "Nothing here. A clinic's chat is at /c/{id}/chat and its screening API at /c/{id}/api/screening, "
                        + "for the ids this server serves.";
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
    private static HttpServer metricsServer(ServerConfig config, PrometheusMeterRegistry registry)
            throws IOException {
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("ketamine-faq-metrics", config.host(),
                config.metricsPort().orElseThrow());
        configureThreads(listener);
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(new MetricsHandler(registry), "/metrics");
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
        return started().metricsServer().map(s -> s.getListener("ketamine-faq-metrics").getPort());
    }

    /** The port the server listens on; the chosen free port when the configuration said 0. */
    public int port() {
        return started().port();
    }

    /** The root, such as {@code http://127.0.0.1:8025/}: the demo page of a clinic served at the root. */
    public URI uri() {
        return URI.create("http://" + OriginPolicy.hostForUrl(config.host()) + ":" + port() + "/");
    }

    /** The chat of the clinic served at the root, such as {@code ws://127.0.0.1:8025/chat}. */
    public URI chatUri() {
        return URI.create("ws://" + OriginPolicy.hostForUrl(config.host()) + ":" + port() + CHAT_PATH);
    }

    /** A mounted clinic's demo page, such as {@code http://127.0.0.1:8025/c/harbor/}. */
    public URI uri(String id) {
        return uri().resolve("/c/" + ClinicChat.requireId(id) + "/");
    }

    /** A mounted clinic's chat, such as {@code ws://127.0.0.1:8025/c/harbor/chat}. */
    public URI chatUri(String id) {
        return chatUri().resolve("/c/" + ClinicChat.requireId(id) + CHAT_PATH);
    }

    /** The ids of the clinics the server serves, in the order it was given them. */
    public List<String> clinicIds() {
        return List.copyOf(clinics.keySet());
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** How many chats are open right now, of every clinic. */
    public int openChats() {
        return started().sessions().count();
    }

    private Running started() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("the server has not started");
        }
        return r;
    }

    /**
     * Stops the server: every open chat is closed with 1001 (going away), then the port is released. Calling it
     * again, or on a server that never started, does nothing.
     */
    @Override
    public void close() {
        Running r = running;
        if (!closed.compareAndSet(false, true) || r == null) {
            return;
        }
        int chats = r.sessions().closeAll(new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
                "The chat server is stopping."));
        try {
            // a graceful shutdown lets the close frames and running requests go out before connections are cut
            r.http().shutdown(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .get(CLOSE_GRACE.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.http().shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            r.http().shutdownNow();
        } finally {
            r.metricsServer().ifPresent(HttpServer::shutdownNow);
            r.container().stop();
            r.slowReaders().close();
            r.dialogue().shutdownNow();
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
