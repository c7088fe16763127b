package org.ketaminefaq.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a process of its own (the chat server, the echo server or HAProxy), so that the load it serves and the
 * load generator never share a heap, a JIT or a garbage collector, with what Linux says of its CPU time and resident
 * memory. Its output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <jvm> -jar <jar> <args>}, ready when it prints {@code Chat: ws://...}. */
    static ServerProcess chat(Path jar, List<String> jvm, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return start(command, Map.of(), "Chat:", log);
    }

    /** The echo server from this JVM's class path, ready when it prints {@code Echo: ws://...}. */
    static ServerProcess echo(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), EchoServer.class.getName(), "--port", "0"));
        command.addAll(args);
        return start(command, Map.of(), "Echo:", log);
    }

    /** Debian's HAProxy with {@code deploy/haproxy.cfg} in front of two chat servers, ready when its port answers. */
    static ServerProcess haproxy(int port, int nodeA, int nodeB, Path log) throws IOException {
        List<String> command = List.of("haproxy", "-db", "-f", Path.of("deploy", "haproxy.cfg").toString());
        ServerProcess proxy = start(command, Map.of("KF_BIND", "127.0.0.1:" + port, "KF_NODE_A", "127.0.0.1:" + nodeA,
                "KF_NODE_B", "127.0.0.1:" + nodeB), null, log);
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; ) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // the health checks need a moment to mark both servers up
                sleep(3000);
                return new ServerProcess(proxy.process, URI.create("ws://127.0.0.1:" + port + "/chat"));
            } catch (IOException e) {
                sleep(100);
            }
        }
        proxy.close();
        throw new IllegalStateException("HAProxy did not listen on " + port + "; see " + log);
    }

    private static ServerProcess start(List<String> command, Map<String, String> env, String readyPrefix, Path log)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                out.println("$ " + String.join(" ", command));
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    out.flush();
                    if (readyPrefix != null && line.startsWith(readyPrefix)) {
                        ready.complete(URI.create(line.substring(readyPrefix.length()).trim()));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("exited before it was ready; see " + log));
        }, "server-output");
        copier.setDaemon(true);
        copier.start();
        if (readyPrefix == null) {
            return new ServerProcess(process, null);
        }
        try {
            return new ServerProcess(process, ready.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; see " + log, e);
        }
    }

    /** The WebSocket address it printed, such as {@code ws://127.0.0.1:41234/chat}. */
    URI uri() {
        return uri;
    }

    int port() {
        return uri.getPort();
    }

    /** User and system CPU time so far, in nanoseconds ({@code /proc/<pid>/stat}, in ticks of 10 ms). */
    long cpuNanos() {
        String stat = read("stat");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** Resident memory now, in bytes ({@code VmRSS} of {@code /proc/<pid>/status}). */
    long residentBytes() {
        Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(read("status"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
    }

    /** The Java heap in use after two full collections, in bytes, through {@code jcmd}. */
    long heapAfterGc() {
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no heap figure");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String what) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(process.pid()), what).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), file));
        } catch (IOException e) {
            throw new UncheckedIOException("this tool reads Linux's /proc", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as an operator stops it; killed after 15 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
