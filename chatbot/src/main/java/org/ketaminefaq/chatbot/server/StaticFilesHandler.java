package org.ketaminefaq.chatbot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The files the server serves from {@code /web/} in the jar, read once so that the jar serves them wherever it runs:
 * <ul>
 *   <li>{@code /widget.js}, the launcher a clinic's page loads with one script tag. Every page of a clinic's site loads
 *   it, so it goes out compressed to clients that take gzip, with its charset (a page in another encoding would
 *   garble its text otherwise), an ETag and a short max-age (a new version reaches pages within minutes), and the
 *   headers that let pages using Subresource Integrity ({@code crossorigin}) or
 *   {@code Cross-Origin-Embedder-Policy: require-corp} load it. Every clinic's crisis card is written into it, by
 *   the name its {@code data-clinic} gives.</li>
 *   <li>{@code /panel} (or {@code /c/{id}/panel}), a clinic's chat panel the launcher frames: its own strict Content-Security-Policy (no inline script or
 *   style) with {@code frame-ancestors} limited to the clinic's origins, and the clinic's crisis card inside. Its
 *   script and stylesheet are at versioned URLs ({@code /panel/<hash>/panel.js}) that never change, so browsers keep
 *   them for a year.</li>
 *   <li>{@code /}, the demo page of the server's one clinic (a fictional clinic's site), or {@code /c/{id}/}, a
 *   mounted clinic's test page with its name and emergency number; both with their own strict CSP.</li>
 * </ul>
 * Both scripts get {@code dom.js}, the DOM helpers they share, written in at their {@link #DOM_SLOT} marker. Anything
 * else is a JSON 404, and only GET and HEAD are taken.
 */
final class StaticFilesHandler extends HttpHandler {

    /** Where the files are, inside the jar. */
    static final String ROOT = "web/";

    /** How long a browser may use the widget before revalidating it: short, so a new version reaches pages soon. */
    static final String WIDGET_CACHE = "public, max-age=300";

    /** Files whose URL changes with their content. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Where the server writes the clinics' cards into the launcher, by the launcher's name for each clinic. */
    static final String CLINIC_SLOT_JS = "/*CLINICS*/{}";
    /** Where the server writes dom.js, the DOM helpers the launcher and the panel share, into each of them. */
    static final String DOM_SLOT = "  /*DOM*/\n";
    /** Where the server writes the clinic's card into its panel page. */
    static final String CLINIC_SLOT_HTML = "{{CLINIC}}";

    /** Pages that may not run inline script or style, nor load anything from elsewhere. */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    /** One file as it is sent: its bytes, gzipped and not, its entity tag and its own headers. */
    private record StaticFile(byte[] plain, byte[] gzipped, String etag, String contentType,
                              Map<String, String> headers) {
    }

    private final Map<String, StaticFile> files;
    private final String notFound;

    private StaticFilesHandler(Map<String, StaticFile> files, String notFound) {
        this.files = Map.copyOf(files);
        this.notFound = notFound;
    }

    /**
     * Where one clinic's pages are and what goes into them.
     *
     * @param prefix the path the clinic's pages are under: {@code ""} for the server's one clinic at the root,
     *     {@code /c/harbor} for a clinic mounted under its id
     * @param id how the launcher names the clinic ({@code data-clinic}): {@code ""} at the root, else the clinic's id
     * @param card the clinic's crisis card, written into the launcher and the panel page
     * @param frameAncestors the sources allowed to frame the clinic's panel, such as
     *     {@code 'self' https://clinic.example}, or {@code *} for any page
     * @param name the clinic's name, for its test page
     * @param emergencyNumber the clinic's emergency number, for its test page
     */
    record ClinicPages(String prefix, String id, ClinicCard card, String frameAncestors, String name,
                       String emergencyNumber) {
    }

    /**
     * The launcher, and each clinic's panel and demo page, from {@code classLoader}; fails at start-up if a file is
     * missing.
     *
     * @param clinics the clinics the server serves
     * @param notFound what a request for anything else is told
     */
    static StaticFilesHandler load(ClassLoader classLoader, List<ClinicPages> clinics, String notFound) {
        Map<String, StaticFile> files = new HashMap<>();
        String js = "text/javascript; charset=utf-8";
        String html = "text/html; charset=utf-8";

        // the panel's script and stylesheet: the same bytes under every clinic's panel, at relative URLs, so that
        // a panel works under a reverse proxy's path prefix too
        String dom = text(classLoader, "dom.js");
        byte[] panelJs = bytes(fill(text(classLoader, "panel.js"), "panel.js", DOM_SLOT, dom));
        byte[] panelCss = read(classLoader, "panel.css");
        String jsPath = "panel/" + version(panelJs) + "/panel.js";
        String cssPath = "panel/" + version(panelCss) + "/panel.css";
        StaticFile panelScript = file(panelJs, js, Map.of("Cache-Control", IMMUTABLE));
        StaticFile panelStyle = file(panelCss, "text/css; charset=utf-8", Map.of("Cache-Control", IMMUTABLE));
        String panel = text(classLoader, "panel.html")
                .replace("panel/{{JS_VERSION}}/panel.js", jsPath)
                .replace("panel/{{CSS_VERSION}}/panel.css", cssPath);
        // the server's one clinic gets the demo of a fictional clinic's site; a mounted clinic a test page of its own
        String demo = text(classLoader, "index.html");
        String test = text(classLoader, "clinic.html");
        Map<String, ClinicCard> cards = new LinkedHashMap<>();
        for (ClinicPages clinic : clinics) {
            String at = clinic.prefix();
            cards.put(clinic.id(), clinic.card());
            files.put(at + "/" + jsPath, panelScript);
            files.put(at + "/" + cssPath, panelStyle);
            files.put(at + "/panel", file(bytes(panel.replace(CLINIC_SLOT_HTML, clinic.card().json())), html, Map.of(
                    "Cache-Control", "no-cache",
                    "Content-Security-Policy", PAGE_POLICY + "; frame-ancestors " + clinic.frameAncestors(),
                    "Referrer-Policy", "no-referrer")));
            String page = clinic.id().isEmpty() ? demo : test.replace("{{ID}}", clinic.id())
                    .replace("{{NAME}}", html(clinic.name())).replace("{{EMERGENCY}}", html(clinic.emergencyNumber()));
            StaticFile pageFile = file(bytes(page), html, Map.of(
                    "Cache-Control", "no-cache",
                    "Content-Security-Policy", PAGE_POLICY + "; frame-src 'self'; frame-ancestors 'none'",
                    "Referrer-Policy", "no-referrer"));
            files.put(at + "/", pageFile);
            files.put(at + "/index.html", pageFile);
        }

        String widget = fill(fill(text(classLoader, "widget.js"), "widget.js", DOM_SLOT, dom), "widget.js",
                CLINIC_SLOT_JS, ClinicCard.json(cards));
        files.put("/widget.js", file(bytes(widget), js, Map.of(
                "Cache-Control", WIDGET_CACHE,
                "Access-Control-Allow-Origin", "*",
                "Cross-Origin-Resource-Policy", "cross-origin")));
        files.put("/demo.css", file(read(classLoader, "demo.css"), "text/css; charset=utf-8",
                Map.of("Cache-Control", WIDGET_CACHE)));
        files.put("/demo.js", file(read(classLoader, "demo.js"), js, Map.of("Cache-Control", WIDGET_CACHE)));
        return new StaticFilesHandler(files, notFound);
    }

    /** {@code content}, the text of {@code file}, with {@code text} written in at {@code slot}, which it must have. */
    private static String fill(String content, String file, String slot, String text) {
        if (!content.contains(slot)) {
            throw new IllegalStateException(ROOT + file + " has no " + slot.strip() + " for the server to fill in");
        }
        return content.replace(slot, text);
    }

    private static byte[] read(ClassLoader classLoader, String name) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is not on the classpath; it ships in the chatbot jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ROOT + name, e);
        }
    }

    private static String text(ClassLoader classLoader, String name) {
        return new String(read(classLoader, name), StandardCharsets.UTF_8);
    }

    /** Text as HTML: a profile's name may hold any character. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static StaticFile file(byte[] plain, String contentType, Map<String, String> headers) {
        try {
            return new StaticFile(plain, gzip(plain), "\"" + version(plain) + "\"", contentType, headers);
        } catch (IOException e) {
            throw new UncheckedIOException("could not compress a file of " + plain.length + " bytes", e);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    /** The first 12 bytes of the content's SHA-256, in hex: changes whenever the content does. */
    private static String version(byte[] plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Optional<StaticFile> found = Optional.ofNullable(files.get(request.getRequestURI()));
        if (found.isEmpty()) {
            HttpJson.error(response, 404, notFound, null);
            return;
        }
        if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
            HttpJson.methodNotAllowed(response, "GET, HEAD");
            return;
        }
        StaticFile file = found.get();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("ETag", file.etag());
        response.setHeader("Vary", "Accept-Encoding");
        file.headers().forEach(response::setHeader);
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
