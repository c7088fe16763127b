package org.ketaminefaq.chatbot.server;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Tyrus's hooks into the {@code /chat} handshake: refuses origins the clinic does not allow (Tyrus answers 403), and
 * hands Tyrus endpoints that share the server's dialogue engine and limits.
 */
final class ChatConfigurator extends ServerEndpointConfig.Configurator {

    private static final Logger LOG = Logger.getLogger(ChatConfigurator.class.getName());

    private final OriginPolicy origins;
    private final Supplier<ChatEndpoint> endpoints;
    private final ChatMetrics metrics;

    ChatConfigurator(OriginPolicy origins, ChatMetrics metrics, Supplier<ChatEndpoint> endpoints) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        boolean allowed = origins.allows(originHeaderValue);
        if (!allowed) {
            // the origin is a web site's address, not visitor input, but a count is all the log needs
            LOG.fine("Refused a chat handshake from an origin the profile does not allow");
            metrics.refused("origin");
        }
        return allowed;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != ChatEndpoint.class) {
            throw new InstantiationException("this configurator makes ChatEndpoint only, not " + endpointClass.getName());
        }
        return endpointClass.cast(endpoints.get());
    }
}
