package org.ketaminefaq.chatbot.browser;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A clinic's own web site, on another site than the chat server ({@code localhost} where the chat is on
 * {@code 127.0.0.1}), as a real clinic embeds the widget: one page with the clinic's Content-Security-Policy, and
 * {@code /spy.js}, a stand-in for the analytics and session-replay scripts such sites run, which records every
 * keyboard, input, clipboard, focus and message event the page can listen to in {@code window.__seen}.
 */
final class ClinicSite implements AutoCloseable {

    /** What a tag manager or session-replay script could hear on the page. */
    static final String SPY = "window.__seen = [];"
            + "['keydown','keyup','keypress','beforeinput','input','change','paste','copy','compositionend','message',"
            + "'focusin','click','submit'].forEach(t => window.addEventListener(t, e => {"
            + "  let data = ''; try { data = JSON.stringify(e.data === undefined ? null : e.data); } catch (x) {}"
            + "  window.__seen.push(t + ' ' + (e.key || '') + ' ' + data + ' ' + ((e.target && e.target.value) || ''));"
            + "}, true));";

    private final HttpServer server;
    private final String scheme;

    private ClinicSite(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
    }

    /** The page at {@code http://localhost:PORT/}; {@code csp} null for none. */
    static ClinicSite http(String html, String csp, Charset charset) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        return serve(server, "http", html, csp, charset);
    }

    /** The page at {@code https://localhost:PORT/}, with a certificate made for the test. */
    static ClinicSite https(String html, String csp) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        return serve(server, "https", html, csp, StandardCharsets.UTF_8);
    }

    private static ClinicSite serve(HttpServer server, String scheme, String html, String csp, Charset charset) {
        byte[] page = html.getBytes(charset);
        byte[] spy = SPY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            boolean isSpy = exchange.getRequestURI().getPath().equals("/spy.js");
            byte[] body = isSpy ? spy : page;
            exchange.getResponseHeaders().set("Content-Type",
                    isSpy ? "text/javascript" : "text/html; charset=" + charset.name());
            if (csp != null && !isSpy) {
                exchange.getResponseHeaders().set("Content-Security-Policy", csp);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new ClinicSite(server, scheme);
    }

    /** The page's address. */
    String url() {
        return scheme + "://localhost:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A key and certificate for localhost, made with the JDK's keytool. */
    private static SSLContext selfSigned() throws IOException {
        Path dir = Files.createTempDirectory("clinic-tls");
        Path store = dir.resolve("clinic.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "clinic", "-keyalg", "EC",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make a certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made a certificate", e);
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, "changeit".toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException("could not load the test certificate", e));
        }
    }
}
