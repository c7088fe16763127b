package org.ketaminefaq.chatbot.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Response;

/** Writes the JSON responses of the HTTP side: bodies, errors, and 405 with its {@code Allow} header. */
final class HttpJson {

    static final String CONTENT_TYPE = "application/json";

    private HttpJson() {
    }

    /** Sends {@code json} (UTF-8, as JSON always is) with {@code status}. */
    static void send(Response response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(bytes.length);
        // screening answers and assessments are health data: no cache may keep them
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** Sends {@code {"error":"..."}}, with {@code "field"} when one field is at fault. */
    static void error(Response response, int status, String message, String field) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        send(response, status, body.toString());
    }

    /** Sends 405 with the methods the path takes. */
    static void methodNotAllowed(Response response, String allow) throws IOException {
        response.setHeader("Allow", allow);
        error(response, 405, "This address takes " + allow + " only.", null);
    }
}
