package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Memory per idle chat: starts the chat server with a small heap ({@code -Xmx512m}) and JMX on loopback, opens
 * thousands of chats that each take their welcome and then stay silent, and reads the heap in use after a full
 * garbage collection (through JMX, {@code MemoryMXBean.gc()} three times) before they open, while they are open and
 * after they are closed. Bytes per session is the difference over the number of sessions; the heap after closing
 * shows that closing them gives the memory back. A class histogram ({@code jcmd GC.class_histogram}) before and
 * while open tells what a session holds.
 *
 * <pre>{@code
 * java -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.IdleMemoryTool \
 *     --server-jar chatbot/target/ketamine-faq-chatbot.jar --sessions 10000
 * }</pre>
 */
@Command(name = "idle-memory", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Heap per idle chat session of the chat server, read through JMX after full GCs.")
public final class IdleMemoryTool implements Callable<Integer> {

    @Option(names = "--server-jar", paramLabel = "JAR", required = true, description = "The chat server's jar.")
    Path serverJar;

    @Option(names = "--sessions", description = "Idle sessions to open (default: ${DEFAULT-VALUE}).")
    int sessions = 10_000;

    @Option(names = "--heap", description = "The server's -Xmx, or \"default\" for the JVM's own choice, as "
            + "java -jar starts it (default: ${DEFAULT-VALUE}).")
    String heap = "512m";

    @Option(names = "--logs", paramLabel = "DIR", description = "Where the server's output goes (default: "
            + "${DEFAULT-VALUE}).")
    Path logs = Path.of("benchmarks", "target", "benchmark-logs");

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path out;

    private IdleMemoryReport report;

    /**
     * One measurement.
     *
     * @param sessions sessions asked for
     * @param connected sessions that opened and got their welcome
     * @param heapBefore heap in use after full GCs, with the server started and a few sessions opened and closed
     * @param heapOpen the same with the sessions open
     * @param heapAfterClose the same after they were closed
     * @param residentBefore the server process's resident memory (VmRSS) before the sessions open, 0 where the
     *     operating system does not say
     * @param residentOpen the same with them open
     * @param openSeconds how long opening them took
     * @param serverCommand how the server was started
     * @param perSession the classes whose heap grew most with the sessions open, per session
     */
    record IdleMemoryReport(int sessions, int connected, long heapBefore, long heapOpen, long heapAfterClose,
            long residentBefore, long residentOpen, double openSeconds, String serverCommand,
            List<ClassShare> perSession) {

        /** Heap in use per open session. */
        double bytesPerSession() {
            return connected == 0 ? Double.NaN : (heapOpen - heapBefore) / (double) connected;
        }

        /** Heap in use after closing, less the heap before opening: about 0 when closing gives it all back. */
        long retainedAfterClose() {
            return heapAfterClose - heapBefore;
        }
    }

    /** A class's share of a session's heap: instances and bytes per session. */
    record ClassShare(String className, double instances, double bytes) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IdleMemoryTool()).execute(args));
    }

    IdleMemoryReport report() {
        return report;
    }

    @Override
    public Integer call() throws Exception {
        LoadTool.requireFile(serverJar);
        PrintWriter stdout = new PrintWriter(System.out, true);
        int jmxPort = ServerProcess.freePort();
        List<String> jvm = new ArrayList<>();
        if (!heap.equals("default")) {
            jvm.add("-Xmx" + heap);
        }
        jvm.addAll(ServerProcess.jmxOptions(jmxPort));
        List<String> args = List.of("--max-sessions", Integer.toString(sessions + 1000));
        stdout.printf(Locale.ROOT, "Idle memory: %d sessions, server heap -Xmx%s%n", sessions, heap);
        try (ServerProcess server = ServerProcess.chat(serverJar, jvm, args, logs);
             JMXConnector jmx = ServerProcess.connectJmx(jmxPort)) {
            MBeanServerConnection connection = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connection,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            WsClients clients = WsClients.perProcessor();
            LoadRound.Settings settings = LoadRound.Settings.defaults();

            // a few sessions first, so that classes loaded and caches filled by the first chats are not counted
            LoadRound.closeAll(LoadRound.open(idle(200), server.uri(), clients, settings), Duration.ofSeconds(30));
            long before = heapAfterGc(memory);
            long residentBefore = resident(server.pid());
            Map<String, long[]> histogramBefore = histogram(server);

            long start = System.nanoTime();
            List<LoadSession> open = LoadRound.open(idle(sessions), server.uri(), clients, settings);
            double openSeconds = (System.nanoTime() - start) / 1e9;
            long residentOpen = resident(server.pid());
            long during = heapAfterGc(memory);
            Map<String, long[]> histogramOpen = histogram(server);
            stdout.printf(Locale.ROOT, "%d of %d sessions open in %.1f s; heap after GC %,d -> %,d bytes: %,.0f "
                    + "bytes per session%n", open.size(), sessions, openSeconds, before, during,
                    (during - before) / (double) Math.max(1, open.size()));
            stdout.printf(Locale.ROOT, "Resident memory of the server: %,d -> %,d bytes%n", residentBefore,
                    residentOpen);

            LoadRound.closeAll(open, Duration.ofSeconds(60));
            Thread.sleep(1000); // the server's side of the closes
            long after = heapAfterGc(memory);
            stdout.printf(Locale.ROOT, "Closed them: heap after GC %,d bytes (%+,d against before)%n", after,
                    after - before);

            List<ClassShare> shares = perSession(histogramBefore, histogramOpen, Math.max(1, open.size()));
            shares.stream().limit(12).forEach(c -> stdout.printf(Locale.ROOT, "  %8.0f B %6.2f x %s%n", c.bytes(),
                    c.instances(), c.className()));
            report = new IdleMemoryReport(sessions, open.size(), before, during, after, residentBefore, residentOpen,
                    openSeconds,
                    LoadTool.display(server.command()), shares);
        }
        if (out != null) {
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), report);
        }
        return report.connected() == sessions ? 0 : 1;
    }

    /** Sessions that send nothing: they connect, take the welcome, and wait. */
    private static List<LoadSession> idle(int n) {
        Workload nothing = Workload.fromEvaluationSet(n, 0);
        List<LoadSession> sessions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sessions.add(new LoadSession(i, nothing, nothing.echoExpectation(), Long.MAX_VALUE, 0, null));
        }
        return sessions;
    }

    /** A process's resident memory from {@code /proc/PID/status} (Linux), in bytes; 0 where there is none. */
    static long resident(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /** Heap in use after full collections, asked for through JMX until two readings agree within 1%. */
    static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            memory.gc();
            Thread.sleep(300);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (i >= 2 && Math.abs(used - last) < last / 100) {
                return used;
            }
            last = used;
        }
        return last;
    }

    /** Instances and bytes per class, from {@code jcmd <pid> GC.class_histogram}. */
    private static Map<String, long[]> histogram(ServerProcess server) {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : server.jcmd("GC.class_histogram").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                try {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                } catch (NumberFormatException e) {
                    // a header or total line
                }
            }
        }
        return classes;
    }

    private static List<ClassShare> perSession(Map<String, long[]> before, Map<String, long[]> open, int sessions) {
        List<ClassShare> shares = new ArrayList<>();
        open.forEach((name, counts) -> {
            long[] was = before.getOrDefault(name, new long[2]);
            long bytes = counts[1] - was[1];
            if (bytes > 0) {
                shares.add(new ClassShare(name, (counts[0] - was[0]) / (double) sessions, bytes / (double) sessions));
            }
        });
        shares.sort(Comparator.comparingDouble(ClassShare::bytes).reversed());
        return shares.subList(0, Math.min(20, shares.size()));
    }
}
