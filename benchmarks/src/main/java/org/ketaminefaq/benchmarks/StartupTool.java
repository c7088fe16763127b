package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time to first answer: from launching {@code java -jar ketamine-faq-chatbot.jar --port P} to the first answer a
 * client receives. The client tries {@code ws://127.0.0.1:P/chat} every few milliseconds from the moment the process
 * is launched; once the welcome arrives it sends "how much does it cost?" and the clock stops when the answer frame
 * arrives. Repeated, with the median and the maximum reported. The client side is warmed up first, on an echo server
 * in this process, so that only the server's start is measured.
 *
 * <pre>{@code
 * java -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.StartupTool \
 *     --server-jar chatbot/target/ketamine-faq-chatbot.jar --runs 5
 * }</pre>
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time from launching the chat server's jar to the first answer a client receives.")
public final class StartupTool implements Callable<Integer> {

    static final String QUESTION = "how much does it cost?";
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    @Option(names = "--server-jar", paramLabel = "JAR", required = true, description = "The chat server's jar.")
    Path serverJar;

    @Option(names = "--runs", description = "Launches to time (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "An option for the server's JVM, such as "
            + "-Xmx256m; repeat for more (default: none, as an operator would launch it).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--app-cds", description = "Also time the launches with an AppCDS archive of the classes the "
            + "server loads, made by one training launch first (-XX:ArchiveClassesAtExit), as an operator can.")
    boolean appCds;

    @Option(names = "--logs", paramLabel = "DIR", description = "Where the server's output goes (default: "
            + "${DEFAULT-VALUE}).")
    Path logs = Path.of("benchmarks", "target", "benchmark-logs");

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path out;

    private StartupReport report;
    private StartupReport appCdsReport;

    /**
     * @param command how the server was launched ({@code P} for the port)
     * @param welcomeMillis per run, launch to the welcome frame
     * @param answerMillis per run, launch to the answer frame
     * @param otherLoad per run, the share of the machine other processes used meanwhile (0 to 1)
     */
    record StartupReport(String command, List<Double> welcomeMillis, List<Double> answerMillis,
                         List<Double> otherLoad) {
        double median() {
            List<Double> sorted = answerMillis.stream().sorted().toList();
            int n = sorted.size();
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double max() {
            return answerMillis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StartupTool()).execute(args));
    }

    StartupReport report() {
        return report;
    }

    /** The launches with an AppCDS archive; null without {@code --app-cds}. */
    StartupReport appCdsReport() {
        return appCdsReport;
    }

    @Override
    public Integer call() throws Exception {
        LoadTool.requireFile(serverJar);
        PrintWriter stdout = new PrintWriter(System.out, true);
        WsClients clients = new WsClients(1);
        warmUpClient(clients);
        Files.createDirectories(logs);
        report = launches(stdout, clients, jvmArgs, "startup");
        stdout.printf(Locale.ROOT, "Time to first answer: median %.0f ms, max %.0f ms over %d launches%n",
                report.median(), report.max(), runs);
        if (appCds) {
            Path archive = logs.resolve("ketamine-faq-chatbot.jsa");
            Files.deleteIfExists(archive);
            List<String> training = new ArrayList<>(jvmArgs);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            launch(clients, training, logs.resolve("app-cds-training.log"));
            List<String> withArchive = new ArrayList<>(jvmArgs);
            withArchive.add("-XX:SharedArchiveFile=" + archive);
            appCdsReport = launches(stdout, clients, withArchive, "startup-app-cds");
            stdout.printf(Locale.ROOT, "With an AppCDS archive: median %.0f ms, max %.0f ms over %d launches%n",
                    appCdsReport.median(), appCdsReport.max(), runs);
        }
        if (out != null) {
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), report);
        }
        return 0;
    }

    private StartupReport launches(PrintWriter stdout, WsClients clients, List<String> jvm, String logName)
            throws Exception {
        List<Double> welcomes = new ArrayList<>();
        List<Double> answers = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        String shown = null;
        for (int run = 1; run <= runs; run++) {
            // a build or a test starting meanwhile would take one of the two cores the JVM starts on
            MachineLoad.awaitQuiet(List.of(ProcessHandle.current()), LoadTool.QUIET, 60);
            Launch launch = launch(clients, jvm, logs.resolve(logName + "-" + run + ".log"));
            welcomes.add(launch.welcomeMillis());
            answers.add(launch.answerMillis());
            others.add(launch.otherLoad());
            shown = launch.command();
            stdout.printf(Locale.ROOT, "run %d: welcome after %.0f ms, first answer after %.0f ms; other load %.0f%%%n",
                    run, launch.welcomeMillis(), launch.answerMillis(), launch.otherLoad() * 100);
        }
        return new StartupReport(shown, List.copyOf(welcomes), List.copyOf(answers), List.copyOf(others));
    }

    private record Launch(String command, double welcomeMillis, double answerMillis, double otherLoad) {
    }

    /** Launches the jar, times the first answer and stops it with SIGTERM. */
    private Launch launch(WsClients clients, List<String> jvm, Path log) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(ServerProcess.java());
        command.addAll(jvm);
        command.addAll(List.of("-jar", serverJar.toString(), "--port", Integer.toString(port)));
        URI chat = URI.create("ws://127.0.0.1:" + port + "/chat");
        long oursStart = LoadRound.cpuNanos(Optional.of(ProcessHandle.current()));
        MachineLoad.Window window = MachineLoad.window();
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            double[] times = firstAnswer(clients, chat, launched);
            long ours = LoadRound.cpuNanos(Optional.of(ProcessHandle.current())) - oursStart
                    + LoadRound.cpuNanos(Optional.of(process.toHandle()));
            double other = window.othersShare(ours);
            List<String> display = new ArrayList<>(command);
            display.set(display.size() - 1, "P");
            return new Launch(LoadTool.display(display), times[0], times[1], other);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Milliseconds from {@code launched} to the welcome and to the answer. */
    private static double[] firstAnswer(WsClients clients, URI chat, long launched) throws Exception {
        long deadline = launched + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            FirstAnswer visitor = new FirstAnswer();
            try {
                clients.connect(chat, visitor, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Thread.sleep(POLL.toMillis()); // not listening yet, or the endpoint not deployed yet
                continue;
            }
            long welcome = visitor.welcome.get(20, TimeUnit.SECONDS);
            long answer = visitor.answer.get(20, TimeUnit.SECONDS);
            visitor.close();
            return new double[] {(welcome - launched) / 1e6, (answer - launched) / 1e6};
        }
        throw new TimeoutException("no answer within " + GIVE_UP.toSeconds() + " s of the launch");
    }

    /** Takes the welcome, asks the question, and notes when the answer arrives. */
    private static final class FirstAnswer extends WsClients.FrameListener {
        final CompletableFuture<Long> welcome = new CompletableFuture<>();
        final CompletableFuture<Long> answer = new CompletableFuture<>();
        private volatile WebSocket ws;

        @Override
        public void onOpen(WebSocket ws) {
            this.ws = ws;
            super.onOpen(ws);
        }

        @Override
        void onFrame(WebSocket ws, CharSequence frame) {
            long now = System.nanoTime();
            if (!welcome.isDone()) {
                welcome.complete(now);
                ws.sendText("{\"type\":\"message\",\"text\":\"" + QUESTION + "\"}", true);
            } else if ("answer".equals(ReplySummary.parse(frame, false).type())) {
                answer.complete(now);
            } else {
                answer.completeExceptionally(new IllegalStateException("the first reply was not an answer"));
            }
        }

        @Override
        void onEnd(int code) {
            welcome.completeExceptionally(new IllegalStateException("closed with " + code));
            answer.completeExceptionally(new IllegalStateException("closed with " + code));
        }

        void close() {
            WebSocket socket = ws;
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            }
        }
    }

    /** Loads and compiles the client's side of a chat once, against an echo server in this process. */
    private static void warmUpClient(WsClients clients) throws IOException, InterruptedException {
        try (EchoServer echo = EchoServer.start("127.0.0.1", 0)) {
            for (int i = 0; i < 20; i++) {
                FirstAnswer visitor = new FirstAnswer();
                try {
                    clients.connect(echo.uri(), visitor, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
                    visitor.welcome.get(10, TimeUnit.SECONDS);
                    visitor.answer.handle((t, e) -> null).get(10, TimeUnit.SECONDS);
                    visitor.close();
                } catch (ExecutionException | TimeoutException e) {
                    // a warm-up: only the loaded classes matter
                }
            }
        }
    }
}
