package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.management.remote.JMXConnector;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.nlp.QuietLibraries;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives concurrent WebSocket sessions against the real chat server, each sending questions from the held-out
 * evaluation set in a closed loop, and the same load against the bare {@link EchoServer} (the limit of Tyrus on
 * Grizzly on this machine), in alternating rounds; reports connections, answers, losses, order, error replies,
 * throughput, round-trip percentiles and CPU time per message for each round, and the chat/echo throughput ratio.
 *
 * <pre>{@code
 * java -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.LoadTool \
 *     --server-jar chatbot/target/ketamine-faq-chatbot.jar --echo --sessions 1000 --messages 20 --rounds A B A
 * }</pre>
 *
 * <p>Rounds: {@code A} the chat server, {@code B} the bare echo server, {@code C} the echo server with each reply
 * padded to the chat replies' mean size (it separates what the chat's larger replies cost the stack from what the
 * chatbot itself costs). The servers it starts run in their own JVMs ({@code --server-heap}); the chat server gets
 * {@code --max-sessions} above the session count and a per-chat rate limit of {@value #LOAD_RATE} messages a second
 * with a burst as large, since a closed loop sends as fast as the server answers and the default limit (5 a second,
 * bursts of 10) exists to stop exactly that.
 */
@Command(name = "load-tool", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Closed-loop WebSocket load against the chat server and the bare echo server, in rounds.")
public final class LoadTool implements Callable<Integer> {

    static final String CHAT = "chat";
    static final String ECHO = "echo";
    static final String SIZED_ECHO = "echo-sized";
    /** The most of the machine other processes may use before a measured round waits for them (0 to 1). */
    static final double QUIET = 0.05;
    /** The per-chat rate limit the chat server gets for a load run. */
    static final int LOAD_RATE = 100_000;

    @Option(names = "--sessions", description = "Concurrent sessions (default: ${DEFAULT-VALUE}).")
    int sessions = 1000;

    @Option(names = "--messages", description = "Messages each session sends (default: ${DEFAULT-VALUE}).")
    int messages = 20;

    @Option(names = "--server-jar", paramLabel = "JAR",
            description = "Start the chat server from this jar in its own JVM (A rounds).")
    Path serverJar;

    @Option(names = "--url", paramLabel = "WS_URL", description = "Or use a chat server already running here.")
    URI url;

    @Option(names = "--echo", description = "Also start the bare echo server in its own JVM (B rounds).")
    boolean echo;

    @Option(names = "--echo-url", paramLabel = "WS_URL", description = "Or use an echo server already running here.")
    URI echoUrl;

    @Option(names = "--sized-echo", description = "Also start an echo server whose replies are as large as the "
            + "chat's on average (C rounds).")
    boolean sizedEcho;

    @Option(names = "--rounds", arity = "1..*", paramLabel = "A|B|C",
            description = "The measured rounds in order: A chat, B echo, C sized echo (default: A B A with an echo "
                    + "server, else A).")
    List<String> rounds;

    @Option(names = "--warmup-rounds", description = "Unmeasured rounds against each server first, at full speed, to "
            + "let the JIT compile the hot paths of servers and client; more follow, up to --max-warmup-rounds, "
            + "until two in a row agree within 10%% (default: ${DEFAULT-VALUE}).")
    int warmupRounds = 1;

    @Option(names = "--max-warmup-rounds", description = "The most warm-up rounds per server (default: "
            + "${DEFAULT-VALUE}).")
    int maxWarmupRounds = 10;

    @Option(names = "--warmup-messages", description = "Messages per session in a warm-up round (default: "
            + "${DEFAULT-VALUE}).")
    int warmupMessages = 100;

    @Option(names = "--think-ms", description = "Pause after each reply before the next message, as a visitor "
            + "reads and types (default: ${DEFAULT-VALUE}: a closed loop at full speed).")
    long thinkMillis;

    @Option(names = "--server-heap", description = "-Xms and -Xmx of the servers started (default: "
            + "${DEFAULT-VALUE}).")
    String serverHeap = "1g";

    @Option(names = "--reply-timeout-seconds", description = "A reply later than this is lost (default: "
            + "${DEFAULT-VALUE}).")
    long replyTimeoutSeconds = 10;

    @Option(names = "--logs", paramLabel = "DIR", description = "Where the servers' output goes (default: "
            + "${DEFAULT-VALUE}).")
    Path logs = Path.of("benchmarks", "target", "benchmark-logs");

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path out;

    private LoadReport report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadTool()).execute(args));
    }

    /** The report of the last {@link #call()}. */
    LoadReport report() {
        return report;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = new CommandLine(this);
        if ((serverJar == null) == (url == null)) {
            throw new CommandLine.ParameterException(cmd, "give either --server-jar or --url");
        }
        if (echo && echoUrl != null) {
            throw new CommandLine.ParameterException(cmd, "give --echo or --echo-url, not both");
        }
        if (serverJar != null) {
            requireFile(serverJar);
        }
        boolean withEcho = echo || echoUrl != null;
        List<String> order = rounds != null ? rounds : withEcho ? List.of("A", "B", "A") : List.of("A");
        for (String r : order) {
            boolean known = r.equals("A") || r.equals("B") && withEcho || r.equals("C") && sizedEcho;
            if (!known) {
                throw new CommandLine.ParameterException(cmd, "rounds are A (chat), B (with --echo or --echo-url) "
                        + "or C (with --sized-echo), not " + r);
            }
        }
        PrintWriter stdout = new PrintWriter(System.out, true);
        report = run(order, stdout);
        if (out != null) {
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), report);
        }
        return report.clean() ? 0 : 1;
    }

    /** A server the rounds of one letter go to, and what its replies must be in measured and warm-up rounds. */
    private record Target(String name, URI uri, Optional<ProcessHandle> process, Optional<GcPauses> gc,
                          String description,
                          Workload.Expectation expectation, Workload.Expectation warmupExpectation) {
    }

    private LoadReport run(List<String> order, PrintWriter stdout) throws Exception {
        QuietLibraries.apply();
        stdout.printf(Locale.ROOT, "Load: %d sessions x %d messages, rounds %s%s%n", sessions, messages, order,
                thinkMillis > 0 ? ", " + thinkMillis + " ms between a reply and the next message" : "");
        Workload workload = Workload.fromEvaluationSet(sessions, messages);
        DialogueEngine engine = DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(),
                ClinicProfile.defaultProfile()));
        Workload.ChatExpectation chatExpected = workload.chatExpectation(engine);
        Workload warmupWorkload = Workload.fromEvaluationSet(sessions, warmupMessages);
        Workload.Expectation chatWarmup = warmupRounds == 0 ? chatExpected : warmupWorkload.chatExpectation(engine);
        Workload.Expectation echoWarmup = warmupWorkload.echoExpectation();
        List<String> jvm = List.of("-Xms" + serverHeap, "-Xmx" + serverHeap);
        List<ServerProcess> started = new ArrayList<>();
        List<JMXConnector> jmxConnections = new ArrayList<>();
        try {
            Map<String, Target> targets = new LinkedHashMap<>();
            if (serverJar != null) {
                int jmx = ServerProcess.freePort();
                ServerProcess p = ServerProcess.chat(serverJar, withJmx(jvm, jmx), loadServerArgs(sessions), logs);
                started.add(p);
                targets.put("A", startedTarget(CHAT, p, jmx, jmxConnections, chatExpected, chatWarmup));
            } else {
                targets.put("A", new Target(CHAT, url, Optional.empty(), Optional.empty(), url.toString(),
                        chatExpected, chatWarmup));
            }
            if (echo) {
                int jmx = ServerProcess.freePort();
                ServerProcess p = ServerProcess.echo(withJmx(jvm, jmx), List.of(), logs.resolve("echo-server.log"));
                started.add(p);
                targets.put("B", startedTarget(ECHO, p, jmx, jmxConnections, workload.echoExpectation(),
                        echoWarmup));
            } else if (echoUrl != null) {
                targets.put("B", new Target(ECHO, echoUrl, Optional.empty(), Optional.empty(), echoUrl.toString(),
                        workload.echoExpectation(), echoWarmup));
            }
            if (sizedEcho) {
                int jmx = ServerProcess.freePort();
                ServerProcess p = ServerProcess.echo(withJmx(jvm, jmx), List.of("--reply-bytes",
                        Integer.toString(chatExpected.meanReplyBytes())), logs.resolve("sized-echo-server.log"));
                started.add(p);
                targets.put("C", startedTarget(SIZED_ECHO, p, jmx, jmxConnections, workload.echoExpectation(),
                        echoWarmup));
            }
            WsClients clients = WsClients.perProcessor();
            LoadRound.Settings defaults = LoadRound.Settings.defaults();
            LoadRound.Settings settings = new LoadRound.Settings(Duration.ofSeconds(replyTimeoutSeconds),
                    defaults.connectTimeout(), defaults.connectConcurrency(), Duration.ofMillis(thinkMillis));

            // warm-ups run at full speed whatever the think time: they are there to get the hot paths compiled
            LoadRound.Settings fullSpeed = new LoadRound.Settings(settings.replyTimeout(), settings.connectTimeout(),
                    settings.connectConcurrency(), Duration.ZERO);
            List<RoundResult> warmups = new ArrayList<>();
            Map<String, List<Double>> warmed = new LinkedHashMap<>();
            targets.values().forEach(t -> warmed.put(t.name(), new ArrayList<>()));
            int mostWarmups = warmupRounds == 0 ? 0 : Math.max(warmupRounds, maxWarmupRounds);
            for (int w = 1; w <= mostWarmups; w++) {
                boolean any = false;
                for (Target t : targets.values()) {
                    List<Double> done = warmed.get(t.name());
                    if (w > warmupRounds && (w > maxWarmupRounds || settled(done))) {
                        continue;
                    }
                    RoundResult round = print(stdout, LoadRound.run("w" + w, t.name(), t.uri(), t.process(),
                            t.gc(), warmupWorkload, t.warmupExpectation(), clients, fullSpeed));
                    warmups.add(round);
                    done.add(round.throughput());
                    any = true;
                }
                if (!any) {
                    break;
                }
            }
            List<ProcessHandle> ours = new ArrayList<>();
            ours.add(ProcessHandle.current());
            started.forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ours::add));
            List<RoundResult> measured = new ArrayList<>();
            int n = 0;
            for (String r : order) {
                // on two cores, a build or a browser test running meanwhile changes every figure: wait for it
                double others = MachineLoad.awaitQuiet(ours, QUIET, 120);
                if (others > QUIET) {
                    stdout.printf(Locale.ROOT, "Other processes use %.0f%% of the machine; measuring anyway.%n",
                            others * 100);
                }
                Target t = targets.get(r);
                measured.add(print(stdout, LoadRound.run(r + (++n), t.name(), t.uri(), t.process(), t.gc(),
                        workload, t.expectation(), clients, settings)));
            }
            LoadReport result = new LoadReport(sessions, messages, thinkMillis, chatExpected.meanReplyBytes(),
                    targets.values().stream().map(t -> t.name() + ": " + t.description()).toList(), warmupRounds,
                    maxWarmupRounds, warmupMessages, warmups, measured);
            result.ratio(ECHO).ifPresent(ratio -> stdout.printf(Locale.ROOT,
                    "Chat throughput / echo throughput: %.2f (%.0f / %.0f msg/s)%n", ratio,
                    result.meanThroughput(CHAT).orElse(0), result.meanThroughput(ECHO).orElse(0)));
            result.ratio(SIZED_ECHO).ifPresent(ratio -> stdout.printf(Locale.ROOT,
                    "Chat throughput / sized echo throughput: %.2f (%.0f / %.0f msg/s)%n", ratio,
                    result.meanThroughput(CHAT).orElse(0), result.meanThroughput(SIZED_ECHO).orElse(0)));
            stdout.println(result.clean() ? "Nothing lost, out of order or refused."
                    : "NOT CLEAN: some messages were lost, out of order, refused or errors.");
            return result;
        } finally {
            for (JMXConnector connection : jmxConnections) {
                connection.close();
            }
            started.forEach(ServerProcess::close);
        }
    }

    private static List<String> withJmx(List<String> jvm, int jmxPort) {
        List<String> options = new ArrayList<>(jvm);
        options.addAll(ServerProcess.jmxOptions(jmxPort));
        return options;
    }

    /**
     * A server this tool started, with JMX on loopback so that each round can count its garbage collections. The
     * JMX options are left out of the command shown in reports: they only let the tool look.
     */
    private static Target startedTarget(String name, ServerProcess process, int jmxPort,
            List<JMXConnector> connections, Workload.Expectation expectation, Workload.Expectation warmup)
            throws IOException {
        JMXConnector jmx = ServerProcess.connectJmx(jmxPort);
        connections.add(jmx);
        List<String> jmxOptions = ServerProcess.jmxOptions(jmxPort);
        String shown = display(process.command().stream().filter(arg -> !jmxOptions.contains(arg)).toList());
        return new Target(name, process.uri(), ProcessHandle.of(process.pid()),
                Optional.of(GcPauses.remote(jmx.getMBeanServerConnection())), shown, expectation, warmup);
    }

    /** Whether the last two warm-up rounds of a server agree within 10%: its JIT has done the bulk of its work. */
    private static boolean settled(List<Double> throughputs) {
        int n = throughputs.size();
        return n >= 2 && Math.abs(throughputs.get(n - 1) - throughputs.get(n - 2))
                <= 0.10 * Math.max(throughputs.get(n - 1), throughputs.get(n - 2));
    }

    /** The chat server's options for a load run of {@code sessions} sessions (see the class comment). */
    static List<String> loadServerArgs(int sessions) {
        return List.of("--max-sessions", Integer.toString(Math.max(2000, sessions + 100)),
                "--messages-per-second", Integer.toString(LOAD_RATE),
                "--message-burst", Integer.toString(LOAD_RATE));
    }

    /** A command line with the class path shortened, for reports. */
    static String display(List<String> command) {
        return String.join(" ", displayArgs(command));
    }

    private static List<String> displayArgs(List<String> command) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (i == 0) {
                shown.add("java");
            } else if (i > 0 && command.get(i - 1).equals("-cp")) {
                shown.add(arg.contains(java.io.File.pathSeparator) ? "<classpath>" : relative(arg));
            } else if (i > 0 && command.get(i - 1).equals("-jar")) {
                shown.add(relative(arg));
            } else {
                shown.add(arg);
            }
        }
        return shown;
    }

    private static String relative(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p).toString() : path;
    }

    private static RoundResult print(PrintWriter out, RoundResult result) {
        out.println(result.summary());
        return result;
    }

    static Path requireFile(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist; build it with mvn -B -q package -DskipTests");
        }
        return file;
    }
}
