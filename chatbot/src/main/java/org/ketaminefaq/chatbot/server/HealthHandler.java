package org.ketaminefaq.chatbot.server;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** {@code GET /healthz}: {@code {"status":"ok"}} while the server takes requests, for load balancers and monitors. */
final class HealthHandler extends HttpHandler {

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
            HttpJson.methodNotAllowed(response, "GET, HEAD");
            return;
        }
        HttpJson.send(response, 200, "{\"status\":\"ok\"}");
    }
}
