package org.ketaminefaq.chatbot.server;

import java.util.Map;
import java.util.Objects;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Hands a request to the handler of its exact path, or else to {@code fallback}. Each clinic's screening API has a path
 * of its own ({@code /c/{id}/api/screening}); Grizzly's own mapping takes the first segments of such a path as a
 * context path and sends requests of unknown clinics to one of them, so the server routes by the whole path itself.
 */
final class PathRouter extends HttpHandler {

    private final Map<String, HttpHandler> exact;
    private final HttpHandler fallback;

    PathRouter(Map<String, HttpHandler> exact, HttpHandler fallback) {
        this.exact = Map.copyOf(exact);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        exact.getOrDefault(request.getRequestURI(), fallback).service(request, response);
    }
}
