package org.ketaminefaq.chatbot.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which web pages may open a chat, by the {@code Origin} header a browser sends with the WebSocket handshake: the
 * origins in the clinic's profile, and always the server's own origin (the origin of the chat panel and the demo page,
 * and the public origin when a reverse proxy stands in front of the server). An empty profile
 * list allows any origin. Browsers always send {@code Origin} on a WebSocket handshake, so a handshake without one
 * is not from a web page and is refused when the list is not empty. Immutable and thread-safe.
 *
 * <p>Example: with {@code ["https://clinic.example"]} on 127.0.0.1:8025, {@code https://clinic.example},
 * {@code http://127.0.0.1:8025} and {@code http://localhost:8025} are allowed; {@code https://evil.example} is not.
 */
final class OriginPolicy {

    private final boolean allowAny;
    private final Set<String> allowed;

    private OriginPolicy(boolean allowAny, Set<String> allowed) {
        this.allowAny = allowAny;
        this.allowed = Set.copyOf(allowed);
    }

    /**
     * The policy for a clinic's origins and the server's own address.
     *
     * @param profileOrigins the profile's {@code allowedOrigins}; empty allows any origin
     * @param host the host the server listens on
     * @param port the port it actually listens on
     * @param publicOrigin the origin browsers use when a reverse proxy stands in front of the server
     */
    static OriginPolicy of(List<String> profileOrigins, String host, int port, Optional<String> publicOrigin) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String origin : profileOrigins) {
            normalize(origin).ifPresent(allowed::add);
        }
        allowed.addAll(ownOrigins(host, port));
        publicOrigin.flatMap(OriginPolicy::normalize).ifPresent(allowed::add);
        return new OriginPolicy(profileOrigins.isEmpty(), allowed);
    }

    /**
     * The {@code frame-ancestors} sources of the chat panel: the pages that may show it, which are the pages that may
     * open a chat. {@code *} when the profile lists no origins; otherwise {@code 'self'} and the profile's origins, such
     * as {@code 'self' https://clinic.example}.
     */
    static String frameAncestors(List<String> profileOrigins) {
        if (profileOrigins.isEmpty()) {
            return "*";
        }
        Set<String> sources = new LinkedHashSet<>();
        sources.add("'self'");
        for (String origin : profileOrigins) {
            normalize(origin).ifPresent(sources::add);
        }
        return String.join(" ", sources);
    }

    /** Whether any origin may open a chat (the profile lists none). */
    boolean allowsAny() {
        return allowAny;
    }

    /** Whether a handshake with this {@code Origin} header (null when absent) may open a chat. */
    boolean allows(String originHeader) {
        if (allowAny) {
            return true;
        }
        if (originHeader == null) {
            return false;
        }
        return normalize(originHeader).map(allowed::contains).orElse(false);
    }

    /**
     * The origins under which browsers reach this server: {@code http://host:port}, and when it listens on this
     * machine only or on every address, also the loopback names, since a visitor may type either.
     */
    static Set<String> ownOrigins(String host, int port) {
        Set<String> own = new LinkedHashSet<>();
        own.add("http://" + hostForUrl(host) + ":" + port);
        if (isLoopbackOrAny(host)) {
            own.add("http://localhost:" + port);
            own.add("http://127.0.0.1:" + port);
            own.add("http://[::1]:" + port);
        }
        return own;
    }

    /** A host as it appears in a URL: IPv6 literals in brackets. */
    static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static boolean isLoopbackOrAny(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only IP literals: InetAddress would otherwise look a name up in DNS
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** scheme://host[:port] in lower case, without the scheme's default port; empty when not an http(s) origin. */
    static Optional<String> normalize(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
