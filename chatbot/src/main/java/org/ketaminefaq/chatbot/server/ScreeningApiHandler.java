package org.ketaminefaq.chatbot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.ketaminefaq.core.eligibility.Assessment;
import org.ketaminefaq.core.eligibility.EligibilityRules;
import org.ketaminefaq.core.eligibility.InvalidScreeningInputException;
import org.ketaminefaq.core.eligibility.ScreeningJson;

/**
 * {@code POST /api/screening}: screening answers in (the JSON of {@link ScreeningJson#parseAnswers(String)}), the
 * assessment out. 400 names what is wrong and the field at fault; 413 for a body over the limit, whether its
 * {@code Content-Length} says so or it is sent in chunks; 405 for any other method.
 *
 * <p>Privacy: answers are health data. Nothing of the body, nor of an error that quotes it, is logged; the log gets
 * the status and the time taken.
 */
final class ScreeningApiHandler extends HttpHandler {

    private static final Logger LOG = Logger.getLogger(ScreeningApiHandler.class.getName());

    private final EligibilityRules rules;
    private final int maxBytes;

    ScreeningApiHandler(EligibilityRules rules, int maxBytes) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.maxBytes = maxBytes;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        long start = System.nanoTime();
        int status;
        try {
            status = respond(request, response);
        } catch (IOException e) {
            // the client left while we answered; Grizzly would log the exception at WARNING
            LOG.log(Level.FINE, "Screening API client gone: {0}", e.getClass().getName());
            return;
        } catch (RuntimeException e) {
            // Grizzly would log the exception with its message, which could quote the body
            LOG.log(Level.SEVERE, "The screening API failed", LogSafe.redact(e));
            HttpJson.error(response, 500, "Sorry, something went wrong on our side.", null);
            status = 500;
        }
        LOG.log(Level.FINE, "POST /api/screening: {0} in {1} ms",
                new Object[] {status, (System.nanoTime() - start) / 1_000_000});
    }

    private int respond(Request request, Response response) throws IOException {
        if (!Method.POST.equals(request.getMethod())) {
            HttpJson.methodNotAllowed(response, "POST");
            return 405;
        }
        if (request.getContentLengthLong() > maxBytes) {
            return tooLarge(response);
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes);
        } catch (IOException e) {
            // most often the read timeout: a client that stopped sending must not hold a worker thread forever,
            // nor the connection, which Grizzly would keep open waiting for the rest of the body
            response.setHeader("Connection", "close");
            try {
                HttpJson.error(response, 408, "The request body did not arrive in time.", null);
            } finally {
                request.getContext().getConnection().closeSilently();
            }
            return 408;
        }
        if (body == null) {
            return tooLarge(response);
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            HttpJson.error(response, 400, "The body is not UTF-8 text; send the screening answers as JSON.", null);
            return 400;
        }
        Assessment assessment;
        try {
            assessment = rules.assess(ScreeningJson.parseAnswers(json));
        } catch (InvalidScreeningInputException e) {
            // the message names the field and quotes the value: right for the caller, never for the log
            HttpJson.error(response, 400, e.getMessage(), e.field().orElse(null));
            return 400;
        }
        HttpJson.send(response, 200, ScreeningJson.toJson(assessment));
        return 200;
    }

    private int tooLarge(Response response) throws IOException {
        // the rest of the body is never read, so the connection cannot carry another request
        response.setHeader("Connection", "close");
        HttpJson.error(response, 413, "The body is larger than " + maxBytes + " bytes.", null);
        return 413;
    }

    /** The whole body, or {@code null} as soon as it is longer than {@code max} bytes, however it is framed. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
