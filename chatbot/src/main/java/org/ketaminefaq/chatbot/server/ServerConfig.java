package org.ketaminefaq.chatbot.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;

/**
 * How a {@link ChatServer} runs, whichever clinics it serves: where it listens, the limits that keep one visitor
 * (or a script) from taking the server down, its resume key and its metrics. Immutable and thread-safe; build one
 * with {@link #builder()}.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder().port(0).maxSessions(500).build();
 * }</pre>
 *
 * @param host the address to listen on; the default {@code 127.0.0.1} is reachable from this machine only
 * @param port the TCP port; {@code 0} picks a free one (see {@link ChatServer#port()})
 * @param maxMessageLength the longest chat message, in characters after trimming
 * @param maxFrameBytes the largest WebSocket frame (and message) in bytes; a bigger one closes the chat with 1009
 * @param messagesPerSecond how many frames per second a chat may send in the long run
 * @param messageBurst how many frames a chat may send at once before the rate applies
 * @param maxSessions how many chats may be open at once; the next one is closed with 1013 right after it opens
 * @param idleTimeout how long a chat may stay silent before the server closes it
 * @param maxRequestBytes the largest HTTP request body the screening API reads
 * @param readTimeout how long the server waits for a whole request body to arrive; past it the request gets 408
 * @param maxUnreadReplyBytes the most reply bytes a chat may leave unread beyond the socket buffers before its
 *     connection is cut: dozens of replies, where a browser leaves none
 * @param maxUnreadStall the longest time unread replies may wait without the client taking any before its connection
 *     is cut; the idle timeout, when that is shorter
 * @param maxWaitingMessages the most messages of one chat that may wait for an answer; one more closes the chat with
 *     1013. The rate limit keeps a chat far below it; this bounds what a chat can queue where there is none
 * @param publicOrigin the origin browsers reach the server under when it sits behind a reverse proxy, such as
 *     {@code https://chat.clinic.example}: its own pages (the chat panel and the demo page) are served from there,
 *     so their chats are taken as the server's own. Empty when browsers reach the server directly
 * @param resumeKeyFile the file the key of resume tokens is derived from, shared by every server of a clinic group so
 *     that a conversation goes on on another server; empty for a random key of this process (conversations survive a
 *     reload, not a restart)
 * @param resumeLifetime how long a resume token is good for
 * @param metrics whether the server serves {@code GET /metrics}
 * @param metricsPort a port of its own for {@code /metrics} (on the same host), so that it can stay off the public
 *     port; empty to serve it on the main port
 */
public record ServerConfig(
        String host,
        int port,
        int maxMessageLength,
        int maxFrameBytes,
        double messagesPerSecond,
        int messageBurst,
        int maxSessions,
        Duration idleTimeout,
        int maxRequestBytes,
        Duration readTimeout,
        int maxUnreadReplyBytes,
        Duration maxUnreadStall,
        int maxWaitingMessages,
        Optional<String> publicOrigin,
        Optional<Path> resumeKeyFile,
        Duration resumeLifetime,
        boolean metrics,
        Optional<Integer> metricsPort) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8025;
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = DialogueEngine.DEFAULT_MAX_MESSAGE_LENGTH;
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    public static final double DEFAULT_MESSAGES_PER_SECOND = 5;
    public static final int DEFAULT_MESSAGE_BURST = 10;
    public static final int DEFAULT_MAX_SESSIONS = 2000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_UNREAD_REPLY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_MAX_UNREAD_STALL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_WAITING_MESSAGES = 100;
    public static final Duration DEFAULT_RESUME_LIFETIME = Duration.ofMinutes(30);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank; use 127.0.0.1 for this machine only");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 (any free port) to 65535, but was " + port);
        }
        requireAtLeast("maxMessageLength", maxMessageLength, 1);
        requireAtLeast("maxFrameBytes", maxFrameBytes, 128);
        if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
            throw new IllegalArgumentException("messagesPerSecond must be a positive number, but was " + messagesPerSecond);
        }
        requireAtLeast("messageBurst", messageBurst, 1);
        requireAtLeast("maxSessions", maxSessions, 1);
        requirePositive("idleTimeout", idleTimeout);
        requireAtLeast("maxRequestBytes", maxRequestBytes, 1);
        requirePositive("readTimeout", readTimeout);
        requireAtLeast("maxUnreadReplyBytes", maxUnreadReplyBytes, 1);
        requirePositive("maxUnreadStall", maxUnreadStall);
        requireAtLeast("maxWaitingMessages", maxWaitingMessages, 1);
        Objects.requireNonNull(publicOrigin, "publicOrigin");
        publicOrigin = publicOrigin.map(ServerConfig::requireOrigin);
        Objects.requireNonNull(resumeKeyFile, "resumeKeyFile");
        requirePositive("resumeLifetime", resumeLifetime);
        Objects.requireNonNull(metricsPort, "metricsPort");
        metricsPort.filter(p -> p < 0 || p > 65535).ifPresent(p -> {
            throw new IllegalArgumentException("metricsPort must be from 0 (any free port) to 65535, but was " + p);
        });
    }

    /** {@code scheme://host[:port]} as the server's public origin, or an exception that says what was expected. */
    private static String requireOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String path = uri == null || uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean bare = uri != null && (path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        return OriginPolicy.normalize(origin).filter(o -> bare).orElseThrow(() -> new IllegalArgumentException(
                "publicOrigin \"" + origin + "\" is not an origin; expected http(s)://host[:port] with no path, such as "
                        + "https://chat.clinic.example"));
    }

    /** The defaults: 127.0.0.1:8025 and the default limits. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.maxMessageLength = maxMessageLength;
        b.maxFrameBytes = maxFrameBytes;
        b.messagesPerSecond = messagesPerSecond;
        b.messageBurst = messageBurst;
        b.maxSessions = maxSessions;
        b.idleTimeout = idleTimeout;
        b.maxRequestBytes = maxRequestBytes;
        b.readTimeout = readTimeout;
        b.maxUnreadReplyBytes = maxUnreadReplyBytes;
        b.maxUnreadStall = maxUnreadStall;
        b.maxWaitingMessages = maxWaitingMessages;
        b.publicOrigin = publicOrigin;
        b.resumeKeyFile = resumeKeyFile;
        b.resumeLifetime = resumeLifetime;
        b.metrics = metrics;
        b.metricsPort = metricsPort;
        return b;
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", but was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, but was " + value);
        }
    }

    /** Collects the settings; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private double messagesPerSecond = DEFAULT_MESSAGES_PER_SECOND;
        private int messageBurst = DEFAULT_MESSAGE_BURST;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxUnreadReplyBytes = DEFAULT_MAX_UNREAD_REPLY_BYTES;
        private Duration maxUnreadStall = DEFAULT_MAX_UNREAD_STALL;
        private int maxWaitingMessages = DEFAULT_MAX_WAITING_MESSAGES;
        private Optional<String> publicOrigin = Optional.empty();
        private Optional<Path> resumeKeyFile = Optional.empty();
        private Duration resumeLifetime = DEFAULT_RESUME_LIFETIME;
        private boolean metrics = true;
        private Optional<Integer> metricsPort = Optional.empty();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxMessageLength(int maxMessageLength) {
            this.maxMessageLength = maxMessageLength;
            return this;
        }

        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        public Builder messagesPerSecond(double messagesPerSecond) {
            this.messagesPerSecond = messagesPerSecond;
            return this;
        }

        public Builder messageBurst(int messageBurst) {
            this.messageBurst = messageBurst;
            return this;
        }

        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxUnreadReplyBytes(int maxUnreadReplyBytes) {
            this.maxUnreadReplyBytes = maxUnreadReplyBytes;
            return this;
        }

        public Builder maxUnreadStall(Duration maxUnreadStall) {
            this.maxUnreadStall = maxUnreadStall;
            return this;
        }

        public Builder resumeKeyFile(Path resumeKeyFile) {
            this.resumeKeyFile = Optional.of(Objects.requireNonNull(resumeKeyFile, "resumeKeyFile"));
            return this;
        }

        public Builder metrics(boolean metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder metricsPort(int metricsPort) {
            this.metricsPort = Optional.of(metricsPort);
            return this;
        }

        public Builder resumeLifetime(Duration resumeLifetime) {
            this.resumeLifetime = resumeLifetime;
            return this;
        }

        public Builder publicOrigin(String publicOrigin) {
            this.publicOrigin = Optional.of(Objects.requireNonNull(publicOrigin, "publicOrigin"));
            return this;
        }

        public Builder maxWaitingMessages(int maxWaitingMessages) {
            this.maxWaitingMessages = maxWaitingMessages;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the setting, when a value is out of range
         */
        public ServerConfig build() {
            return new ServerConfig(host, port, maxMessageLength, maxFrameBytes, messagesPerSecond, messageBurst,
                    maxSessions, idleTimeout, maxRequestBytes, readTimeout, maxUnreadReplyBytes, maxUnreadStall,
                    maxWaitingMessages, publicOrigin, resumeKeyFile, resumeLifetime, metrics, metricsPort);
        }
    }
}
