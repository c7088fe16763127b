package org.ketaminefaq.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A server in its own JVM, started as a child process, so that the load it serves and the load generator never share
 * a heap, a JIT or a garbage collector. It is ready when it prints its WebSocket address ({@code Chat: ws://...} for
 * the chat server, {@code Echo: ws://...} for the echo server); its output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final URI uri;
    private final Path log;
    private final List<String> command;

    private ServerProcess(Process process, URI uri, Path log, List<String> command) {
        this.process = process;
        this.uri = uri;
        this.log = log;
        this.command = command;
    }

    /** A TCP port on loopback that is free now, for a server or its JMX. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * JVM options that open JMX on loopback at {@code port}, without authentication or TLS: only the tools on this
     * machine reach it, and they only read figures and ask for collections.
     */
    static List<String> jmxOptions(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    /** Connects to the JMX that {@link #jmxOptions} opened in a server started with them. */
    static JMXConnector connectJmx(int port) throws IOException {
        return JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port
                + "/jmxrmi"));
    }

    /** The java launcher of this JVM, so that children run on the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <jvmArgs> -jar <jar> --port 0 <serverArgs>}: the chat server as an operator runs it. */
    static ServerProcess chat(Path jar, List<String> jvmArgs, List<String> serverArgs, Path logDir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--port");
        command.add("0");
        command.addAll(serverArgs);
        return start(command, "Chat:", logDir.resolve("chat-server.log"));
    }

    /** The bare echo server, from this JVM's class path. */
    static ServerProcess echo(List<String> jvmArgs, List<String> serverArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EchoServer.class.getName());
        command.add("--port");
        command.add("0");
        command.addAll(serverArgs);
        return start(command, "Echo:", log);
    }

    private static ServerProcess start(List<String> command, String readyPrefix, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                out.println("$ " + String.join(" ", command));
                out.flush();
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    out.flush();
                    if (line.startsWith(readyPrefix)) {
                        ready.complete(URI.create(line.substring(readyPrefix.length()).trim()));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the server exited before it was ready; see " + log));
        }, "server-output");
        copier.setDaemon(true);
        copier.start();
        try {
            URI uri = ready.get(120, TimeUnit.SECONDS);
            return new ServerProcess(process, uri, log, List.copyOf(command));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; see " + log, e);
        }
    }

    /** The WebSocket address it printed, such as {@code ws://127.0.0.1:41234/chat}. */
    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The command line it was started with. */
    List<String> command() {
        return command;
    }

    /** Runs {@code jcmd <pid> <args>} and returns what it printed. */
    String jcmd(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid()));
        command.addAll(List.of(args));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** SIGTERM, as an operator stops it; killed if it has not exited after {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }
}
