package org.ketaminefaq.benchmarks;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every benchmark at a size that fits a 2-core machine and writes {@code BENCHMARKS.md}: the text-to-decision
 * micro-benchmark (JMH), the load against the chat server and the bare echo server, a paced load, memory per idle
 * session and time to first answer. {@code benchmarks/run-all} builds the jars and runs this.
 *
 * <pre>{@code
 * java -Xmx3g -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.BenchmarksCommand \
 *     --server-jar chatbot/target/ketamine-faq-chatbot.jar --out BENCHMARKS.md
 * }</pre>
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs all benchmarks and writes BENCHMARKS.md.")
public final class BenchmarksCommand implements Callable<Integer> {

    @Option(names = "--server-jar", paramLabel = "JAR", description = "The chat server's jar (default: "
            + "${DEFAULT-VALUE}).")
    Path serverJar = Path.of("chatbot", "target", "ketamine-faq-chatbot.jar");

    @Option(names = "--sessions", description = "Sessions of the load runs (default: ${DEFAULT-VALUE}).")
    int sessions = 1000;

    @Option(names = "--messages", description = "Messages per session in the load runs (default: ${DEFAULT-VALUE}).")
    int messages = 20;

    @Option(names = "--rounds", arity = "1..*", description = "Measured load rounds (default: ${DEFAULT-VALUE}).")
    List<String> rounds = List.of("A", "B", "C", "A", "B", "C", "A", "B", "C", "A");

    @Option(names = "--warmup-rounds", description = "Warm-up rounds per server at least, of 100 messages per session "
            + "(default: ${DEFAULT-VALUE}).")
    int warmupRounds = 5;

    @Option(names = "--max-warmup-rounds", description = "Warm-up rounds per server at most; between the two, until "
            + "two in a row agree within 10%% (default: ${DEFAULT-VALUE}).")
    int maxWarmupRounds = 10;

    @Option(names = "--think-ms", description = "Think time of the paced run (default: ${DEFAULT-VALUE}).")
    long thinkMillis = 1000;

    @Option(names = "--paced-messages", description = "Messages per session in the paced run (default: "
            + "${DEFAULT-VALUE}).")
    int pacedMessages = 10;

    @Option(names = "--idle-sessions", description = "Idle sessions (default: ${DEFAULT-VALUE}).")
    int idleSessions = 10_000;

    @Option(names = "--startup-runs", description = "Launches timed to the first answer (default: ${DEFAULT-VALUE}).")
    int startupRuns = 5;

    @Option(names = "--jmh-iterations", description = "Shorter JMH warm-up and measurement, in 1-second iterations "
            + "each (default: the benchmark's own, 3 x 2 s and 5 x 2 s).")
    Integer jmhIterations;

    @Option(names = "--logs", paramLabel = "DIR", description = "Where the servers' output goes (default: "
            + "${DEFAULT-VALUE}).")
    Path logs = Path.of("benchmarks", "target", "benchmark-logs");

    @Option(names = "--out", paramLabel = "FILE", description = "The report (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("BENCHMARKS.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarksCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LoadTool.requireFile(serverJar);
        PrintWriter stdout = new PrintWriter(System.out, true);
        Machine machine = Machine.describe();
        List<String> notes = new ArrayList<>();

        stdout.println("== 1/5 Text to decision (JMH) ==");
        notes.add(quiet(stdout, "the JMH benchmark"));
        TextToReplyRun jmh = TextToReplyRun.run(jmhIterations, jmhIterations);

        stdout.println("== 2/5 Load: chat server against the bare echo server ==");
        notes.add(quiet(stdout, "the load rounds"));
        LoadTool load = new LoadTool();
        load.serverJar = serverJar;
        load.echo = true;
        load.sizedEcho = true;
        load.sessions = sessions;
        load.messages = messages;
        load.rounds = rounds;
        load.warmupRounds = warmupRounds;
        load.maxWarmupRounds = maxWarmupRounds;
        load.logs = logs;
        load.call();
        LoadReport loadReport = load.report();

        stdout.println("== 3/5 Paced load ==");
        notes.add(quiet(stdout, "the paced load"));
        LoadTool paced = new LoadTool();
        paced.serverJar = serverJar;
        paced.echo = true;
        paced.sessions = sessions;
        paced.messages = pacedMessages;
        paced.thinkMillis = thinkMillis;
        paced.rounds = List.of("A", "B");
        paced.warmupRounds = Math.max(1, warmupRounds - 1);
        paced.maxWarmupRounds = maxWarmupRounds;
        paced.logs = logs;
        paced.call();
        LoadReport pacedReport = paced.report();

        stdout.println("== 4/5 Memory per idle session ==");
        notes.add(quiet(stdout, "the idle-memory run"));
        IdleMemoryTool idle = new IdleMemoryTool();
        idle.serverJar = serverJar;
        idle.sessions = idleSessions;
        idle.logs = logs;
        idle.call();
        IdleMemoryTool.IdleMemoryReport idleReport = idle.report();

        stdout.println("== 5/5 Time to first answer ==");
        notes.add(quiet(stdout, "the startup runs"));
        StartupTool startup = new StartupTool();
        startup.serverJar = serverJar;
        startup.runs = startupRuns;
        startup.appCds = true;
        startup.logs = logs;
        startup.call();
        StartupTool.StartupReport startupReport = startup.report();

        List<String> disturbances = notes.stream().filter(n -> !n.isEmpty()).toList();
        String markdown = new BenchmarksReport(machine, LocalDate.now(ZoneOffset.UTC), jmh, loadReport, pacedReport,
                idleReport, startupReport, startup.appCdsReport(), disturbances).markdown();
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        stdout.println("Wrote " + out.toAbsolutePath());
        return 0;
    }

    /**
     * Waits up to two minutes for other processes to leave the machine quiet (under 5% of it); on two cores anything
     * else running changes every figure. Returns a note for the report when it did not get quiet.
     */
    private static String quiet(PrintWriter stdout, String what) throws InterruptedException {
        List<ProcessHandle> ours = List.of(ProcessHandle.current());
        double others = MachineLoad.othersShare(ours, 1000);
        if (others > LoadTool.QUIET) {
            stdout.printf(Locale.ROOT, "Other processes use %.0f%% of the machine; waiting for them before %s...%n",
                    others * 100, what);
            others = MachineLoad.awaitQuiet(ours, LoadTool.QUIET, 120);
        }
        return others > LoadTool.QUIET ? String.format(Locale.ROOT, "Other processes used %.0f%% of the machine "
                + "when %s started; its figures are pessimistic.", others * 100, what) : "";
    }
}
