package org.ketaminefaq.chatbot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.io.NIOInputStream;
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
 * {@code Content-Length} says so or it is sent in chunks; 408 when the whole body has not arrived within the read
 * timeout; 405 for any other method.
 *
 * <p>A body over the limit is still read, and dropped, up to {@link #MAX_DROPPED_BYTES} more, before the 413 and the
 * close: closing a connection with bytes of the body still unread makes the operating system reset it, and the
 * client may then lose the 413 it was sent. A body announced larger than that is refused at once.
 *
 * <p>The body is read without blocking: the request is suspended and Grizzly hands over the bytes as they come. A
 * blocking read would hold one of the server's few worker threads for as long as a client drips its body, a byte now
 * and then, just within the read timeout each time: a handful of such clients would stop every chat and request.
 * Every response the body was read for closes the connection ({@code Connection: close}); see {@code answer}.
 *
 * <p>Privacy: answers are health data. Nothing of the body, nor of an error that quotes it, is logged; the log gets
 * the status and the time taken.
 */
final class ScreeningApiHandler extends HttpHandler {

    private static final Logger LOG = Logger.getLogger(ScreeningApiHandler.class.getName());

    /** How much of a body beyond the limit is read and dropped so that its client gets the 413 (see above). */
    static final long MAX_DROPPED_BYTES = 1024 * 1024;

    private final EligibilityRules rules;
    private final int maxBytes;
    private final Duration bodyTimeout;

    /**
     * @param maxBytes the largest body read
     * @param bodyTimeout how long the whole body may take to arrive
     */
    ScreeningApiHandler(EligibilityRules rules, int maxBytes, Duration bodyTimeout) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.maxBytes = maxBytes;
        this.bodyTimeout = Objects.requireNonNull(bodyTimeout, "bodyTimeout");
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        long start = System.nanoTime();
        if (!Method.POST.equals(request.getMethod())) {
            HttpJson.methodNotAllowed(response, "POST");
            logDone(405, start);
            return;
        }
        if (request.getContentLengthLong() > maxBytes + MAX_DROPPED_BYTES) {
            tooLarge(response);
            // or Grizzly would keep the connection, reading and dropping all the bytes the client announced
            request.getContext().getConnection().closeSilently();
            logDone(413, start);
            return;
        }
        Body body = new Body(request, response, start);
        response.suspend(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS, null, timedOut -> body.timedOut());
        body.in.notifyAvailable(body);
    }

    /** Answers a whole body: 200 with the assessment, or 400. */
    private int respond(byte[] body, Response response) throws IOException {
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

    private void tooLarge(Response response) throws IOException {
        // the rest of the body is never read, so the connection cannot carry another request
        response.setHeader("Connection", "close");
        HttpJson.error(response, 413, "The body is larger than " + maxBytes + " bytes.", null);
    }

    private static void logDone(int status, long start) {
        LOG.log(Level.FINE, "POST /api/screening: {0} in {1} ms",
                new Object[] {status, (System.nanoTime() - start) / 1_000_000});
    }

    /**
     * One request's body as it arrives, and the one response it gets: whichever comes first of the end of the body,
     * too many bytes, a broken connection and the timeout answers, and the others find it answered.
     */
    private final class Body implements ReadHandler {
        private final Request request;
        private final Response response;
        private final long start;
        private final NIOInputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private long read;
        private boolean answered;

        Body(Request request, Response response, long start) {
            this.request = request;
            this.response = response;
            this.start = start;
            this.in = request.getNIOInputStream();
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            if (answered) {
                return;
            }
            if (drain()) {
                in.notifyAvailable(this);
            }
        }

        @Override
        public synchronized void onAllDataRead() throws IOException {
            if (answered || !drain()) {
                return;
            }
            if (read > maxBytes) {
                answer(this::tooLarge);
            } else {
                answer(() -> respond(bytes.toByteArray(), response));
            }
        }

        @Override
        public synchronized void onError(Throwable error) {
            if (answered) {
                return;
            }
            // the client left, or the connection broke; only the class, as ever
            LOG.log(Level.FINE, "Screening API body failed: {0}", error.getClass().getName());
            answered = true;
            request.getContext().getConnection().closeSilently(); // which ends the suspended request too
        }

        /** Grizzly's timer, when the whole body has not come within the timeout; false keeps Grizzly out of it. */
        synchronized boolean timedOut() {
            if (answered) {
                return false;
            }
            if (read > maxBytes) {
                answer(this::tooLarge);
            } else {
                answer(() -> {
                    HttpJson.error(response, 408, "The request body did not arrive in time.", null);
                    return 408;
                });
            }
            return false;
        }

        /**
         * Reads what has arrived, keeping it while within the limit and dropping it beyond; false once it has
         * answered 413 because more than {@link #MAX_DROPPED_BYTES} beyond the limit came.
         */
        private boolean drain() throws IOException {
            int ready;
            while ((ready = in.readyData()) > 0) {
                int n = in.read(chunk, 0, Math.min(ready, chunk.length));
                if (n <= 0) {
                    break;
                }
                read += n;
                if (read > maxBytes + MAX_DROPPED_BYTES) {
                    answer(this::tooLarge);
                    return false;
                }
                if (read <= maxBytes) {
                    bytes.write(chunk, 0, n);
                }
            }
            return true;
        }

        private int tooLarge() throws IOException {
            ScreeningApiHandler.this.tooLarge(response);
            return 413;
        }

        /**
         * Writes the one response and ends the connection, which is never handed back to Grizzly's keep-alive
         * handling: that would wait for (or, from inside a read, parse) the rest of a body that is never read, and
         * after a resume from another thread it sometimes never read the connection's next request at all
         * (glassfish-grizzly#2297), which then hung until its client gave up: about one request in a thousand
         * after an answer. A screening is posted once, so a new connection for the next request costs little.
         * Grizzly's close lets the response go out first, then ends the suspended request with the connection.
         */
        private void answer(Answer answer) {
            answered = true;
            response.setHeader("Connection", "close");
            int status;
            try {
                status = answer.write();
            } catch (IOException e) {
                // the client left while we answered; Grizzly would log the exception at WARNING
                LOG.log(Level.FINE, "Screening API client gone: {0}", e.getClass().getName());
                status = -1;
            } catch (RuntimeException e) {
                // Grizzly would log the exception with its message, which could quote the body
                LOG.log(Level.SEVERE, "The screening API failed", LogSafe.redact(e));
                status = 500;
                try {
                    HttpJson.error(response, 500, "Sorry, something went wrong on our side.", null);
                } catch (IOException | RuntimeException again) {
                    LOG.log(Level.FINE, "Could not send the 500: {0}", again.getClass().getName());
                }
            }
            request.getContext().getConnection().closeSilently();
            if (status > 0) {
                logDone(status, start);
            }
        }
    }

    @FunctionalInterface
    private interface Answer {
        int write() throws IOException;
    }
}
