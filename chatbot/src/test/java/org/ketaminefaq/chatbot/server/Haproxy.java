package org.ketaminefaq.chatbot.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's haproxy, in the foreground, on {@code deploy/haproxy.cfg}, the configuration an operator copies, in front of
 * two chat servers on this machine. {@code .ci/run} installs it.
 */
public final class Haproxy implements AutoCloseable {

    private static final Path CONFIG = Path.of("..", "deploy", "haproxy.cfg");

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it on {@code port} and returns once a health check through it reaches a node. */
    public static Haproxy start(int port, int nodeA, int nodeB) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", CONFIG.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("KF_BIND", "127.0.0.1:" + port);
        env.put("KF_NODE_A", "127.0.0.1:" + nodeA);
        env.put("KF_NODE_B", "127.0.0.1:" + nodeB);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("haproxy is not installed: apt-get install haproxy (.ci/run does)", e);
        }
        Haproxy proxy = new Haproxy(process, port);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy stopped at start-up; check deploy/haproxy.cfg");
            }
            if (listening(port) && http.send(HttpRequest.newBuilder(URI.create(proxy.uri() + "healthz"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                return proxy;
            }
            Thread.sleep(100);
        }
        proxy.close();
        throw new IllegalStateException("haproxy did not answer on port " + port + " within 10 s");
    }

    /** A port free right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Its address, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
