package org.ketaminefaq.chatbot.server;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The demo page and the widget, from {@code /web/} on the classpath, so that the jar serves them wherever it runs.
 * Anything else is a JSON 404, and only GET and HEAD are taken.
 */
final class StaticFilesHandler extends CLStaticHttpHandler {

    /** Where the files are, inside the jar. */
    static final String ROOT = "/web/";

    StaticFilesHandler(ClassLoader classLoader) {
        super(classLoader, ROOT);
        // Grizzly's file cache works on files, not on resources inside a jar
        setFileCacheEnabled(false);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
            HttpJson.methodNotAllowed(response, "GET, HEAD");
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        super.service(request, response);
    }

    @Override
    protected void onMissingResource(Request request, Response response) throws Exception {
        HttpJson.error(response, 404, "Nothing here. The chat is at /chat, the screening API at /api/screening.", null);
    }
}
