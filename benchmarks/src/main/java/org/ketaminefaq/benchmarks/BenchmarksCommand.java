package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs every benchmark at a size that fits a 2-core machine and writes their figures to one JSON file in
 * {@code benchmarks/results/}, named by the run's time; BENCHMARKS.md is written by people from those files.
 * {@code benchmarks/run-all} runs it.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs every benchmark and writes the figures to benchmarks/results/<time>.json.")
public final class BenchmarksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server-jar", paramLabel = "JAR", description = "The chat server's jar (default: ${DEFAULT-VALUE}).")
    Path jar = Path.of("chatbot", "target", "ketamine-faq-chatbot.jar");

    @Option(names = "--capacity-chats", split = ",", description = "Sizes the capacity search tries, one node "
            + "(default: ${DEFAULT-VALUE}).")
    List<Integer> capacity = List.of(500, 750, 1000, 1250, 1500, 2000, 4000, 8000);

    @Option(names = "--haproxy-chats", split = ",", description = "Sizes tried with two nodes behind HAProxy "
            + "(default: ${DEFAULT-VALUE}).")
    List<Integer> haproxy = List.of(500, 750, 1000, 1250, 1500, 2000, 4000);

    @Option(names = "--step-seconds", description = "Length of each capacity step (default: ${DEFAULT-VALUE}).")
    int stepSeconds = 30;

    @Option(names = "--idle-chats", split = ",", description = "Idle chats of the memory probe (default: "
            + "${DEFAULT-VALUE}).")
    List<Integer> idle = List.of(0, 2000, 10_000);

    @Option(names = "--launches", description = "Launches timed by the start-up probe (default: ${DEFAULT-VALUE}).")
    int launches = 5;

    @Option(names = "--page-loads", description = "Loads of each page in Chromium (default: ${DEFAULT-VALUE}).")
    int pageLoads = 5;

    @Option(names = "--reference-chats", description = "Chats of the closed-loop reference runs (default: "
            + "${DEFAULT-VALUE}, 20 messages each).")
    int referenceChats = 200;

    @Option(names = "--skip", split = ",", description = "Parts to leave out: recognizer, startup, memory, capacity, "
            + "haproxy, reference, widget.")
    List<String> skip = List.of();

    @Option(names = "--results", paramLabel = "DIR", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path results = Path.of("benchmarks", "results");

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarksCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Instant start = Instant.now();
        Path logs = Path.of("benchmarks", "target", "benchmark-logs");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", start.toString());
        out.put("machine", machine());
        out.put("command", ("benchmarks/run-all " + String.join(" ", spec.commandLine().getParseResult()
                .originalArgs())).trim());
        part(out, "recognizer", () -> List.of(TextToReplyBenchmark.run(1), TextToReplyBenchmark.run(2)));
        part(out, "startup", () -> StartupProbe.run(jar, launches, logs));
        part(out, "memory", () -> MemoryProbe.run(jar, idle, logs));
        part(out, "capacity", () -> CapacitySearch.run(jar, false, capacity, stepSeconds, logs));
        part(out, "haproxy", () -> CapacitySearch.run(jar, true, haproxy, stepSeconds, logs));
        part(out, "reference", () -> StackReference.run(jar, referenceChats, 20, logs));
        part(out, "widget", () -> WidgetCost.run(jar, pageLoads, logs));
        out.put("minutes", LoadTool.round((Instant.now().toEpochMilli() - start.toEpochMilli()) / 60000.0));
        Files.createDirectories(results);
        Path file = results.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC)
                .format(start) + ".json");
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        System.out.println("Results: " + file + " (servers' logs in " + logs + ")");
        return 0;
    }

    @FunctionalInterface
    private interface Part {
        Object run() throws Exception;
    }

    private void part(Map<String, Object> out, String name, Part part) throws Exception {
        if (skip.contains(name)) {
            return;
        }
        long begin = System.nanoTime();
        System.out.println("Running " + name + "...");
        out.put(name, part.run());
        System.out.printf("  %s done in %.0f s%n", name, (System.nanoTime() - begin) / 1e9);
    }

    private static Map<String, Object> machine() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        Matcher cpu = Pattern.compile("model name\\s*:\\s*(.+)").matcher(Files.readString(Path.of("/proc/cpuinfo")));
        m.put("cpu", cpu.find() ? cpu.group(1).trim() : "unknown");
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", LoadTool.round(((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / 1073741824.0));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return m;
    }
}
