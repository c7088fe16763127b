package org.ketaminefaq.chatbot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The demo page ({@code /}) and the widget ({@code /widget.js}), read once from {@code /web/} in the jar so that the
 * jar serves them wherever it runs. The widget is loaded by every page of a clinic's site, so it goes out compressed
 * to clients that take gzip, with its charset (a page in another encoding would garble its text otherwise), an ETag
 * that lets a browser keep it and revalidate (304), and the headers that let pages using Subresource Integrity
 * ({@code crossorigin}) or {@code Cross-Origin-Embedder-Policy: require-corp} load it. Anything else is a JSON 404, and
 * only GET and HEAD are taken.
 */
final class StaticFilesHandler extends HttpHandler {

    /** Where the files are, inside the jar. */
    static final String ROOT = "web/";

    /** How long a browser may use the widget before revalidating it: short, so a new version reaches pages soon. */
    static final String WIDGET_CACHE = "public, max-age=300";

    /** One file as it is sent: its bytes, gzipped and not, and its entity tag. */
    private record StaticFile(byte[] plain, byte[] gzipped, String etag, String contentType, String cacheControl,
                              boolean crossOrigin) {
    }

    private final Map<String, StaticFile> files;

    private StaticFilesHandler(Map<String, StaticFile> files) {
        this.files = files;
    }

    /** The demo page and the widget from {@code classLoader}; fails at start-up if either is missing. */
    static StaticFilesHandler load(ClassLoader classLoader) {
        StaticFile page = file(classLoader, "index.html", "text/html; charset=utf-8", "no-cache", false);
        StaticFile widget = file(classLoader, "widget.js", "text/javascript; charset=utf-8", WIDGET_CACHE, true);
        return new StaticFilesHandler(Map.of("/", page, "/index.html", page, "/widget.js", widget));
    }

    private static StaticFile file(ClassLoader classLoader, String name, String contentType, String cacheControl,
                                   boolean crossOrigin) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is not on the classpath; it ships in the chatbot jar");
            }
            byte[] plain = in.readAllBytes();
            return new StaticFile(plain, gzip(plain), etag(plain), contentType, cacheControl, crossOrigin);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ROOT + name, e);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
            HttpJson.methodNotAllowed(response, "GET, HEAD");
            return;
        }
        Optional<StaticFile> found = Optional.ofNullable(files.get(request.getRequestURI()));
        if (found.isEmpty()) {
            HttpJson.error(response, 404, "Nothing here. The chat is at /chat, the screening API at /api/screening.",
                    null);
            return;
        }
        StaticFile file = found.get();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("ETag", file.etag());
        response.setHeader("Cache-Control", file.cacheControl());
        response.setHeader("Vary", "Accept-Encoding");
        if (file.crossOrigin()) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        }
        if (file.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        byte[] body = gzip ? file.gzipped() : file.plain();
        response.setStatus(200);
        response.setContentType(file.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (Method.GET.equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether an Accept-Encoding header takes gzip (and does not refuse it with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.trim().split(";");
            if (fields[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < fields.length; i++) {
                    String parameter = fields[i].replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
