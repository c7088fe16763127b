package org.ketaminefaq.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Writes the figures of one {@link BenchmarksCommand} run as BENCHMARKS.md. */
record BenchmarksReport(Machine machine, LocalDate date, TextToReplyRun jmh, LoadReport load, LoadReport paced,
        IdleMemoryTool.IdleMemoryReport idle, StartupTool.StartupReport startup, StartupTool.StartupReport appCds,
        List<String> notes) {

    static final double TARGET_P99_MICROS = 100;
    static final double TARGET_RATIO = 0.8;
    static final double TARGET_ROUND_TRIP_P99_MS = 50;
    static final double TARGET_BYTES_PER_SESSION = 32 * 1024;
    static final long IDLE_HEAP_BYTES = 512L << 20;
    static final double TARGET_FIRST_ANSWER_MS = 1500;

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append(f("How fast the chatbot is, what a visitor costs, and how far it is from the limit of its own "
                + "stack (Tyrus on Grizzly), measured on %s on the machine below by one command:%n%n", date));
        md.append("```\nbenchmarks/run-all\n```\n\n");
        md.append("It builds the jars (`mvn -B -q package -DskipTests`), runs `org.ketaminefaq.benchmarks."
                + "BenchmarksCommand` (about four minutes on a quiet 2-core machine) and writes this file. Every "
                + "figure below comes from that run, except those the text gives as from another: the figures from "
                + "before the changes to the product, and the shares of the chat server's CPU profile, which needs "
                + "JDK 25 and is taken by the commands given with it. The server and the load generator are "
                + "separate JVMs on the same two cores, as they must be on a 2-core machine, so the load generator's "
                + "own CPU time is part of every throughput figure; it is reported next to the server's. "
                + "`mvn -B verify` runs only a smoke run of the load tool (`LoadToolSmokeIT`, 50 sessions x 5 "
                + "messages, nothing lost or out of order) and asserts no timing.\n\n");
        if (!notes.isEmpty()) {
            md.append("**Disturbances during this run:** ").append(String.join(" ", notes)).append("\n\n");
        }

        md.append("## Machine\n\n| | |\n|---|---|\n");
        md.append(f("| processors (`nproc`) | %d |%n", machine.processors()));
        md.append(f("| memory | %s |%n", machine.memory()));
        md.append(f("| CPU | %s |%n", machine.cpu()));
        md.append(f("| JDK | %s |%n", machine.jdk()));
        md.append(f("| OS | %s |%n", machine.os()));
        md.append(f("| open files (`ulimit -n`) | %s |%n%n", machine.openFiles()));

        targets(md);
        textToDecision(md);
        loadSection(md);
        idleSection(md);
        startupSection(md);
        md.append(BenchmarksAnalysis.text(this));
        return md.toString();
    }

    private void targets(StringBuilder md) {
        md.append("## Targets\n\n| what | target | measured | |\n|---|---|---|---|\n");
        md.append(f("| text to decision, p99 | at most 100 µs | %.1f µs | %s |%n", jmh.p99Micros(),
                met(jmh.p99Micros() <= TARGET_P99_MICROS)));
        OptionalDouble ratio = load.ratio(LoadTool.ECHO);
        md.append(f("| chat throughput / bare echo throughput, %,d sessions | at least 0.8 | %s | %s |%n",
                load.sessions(), ratio.isPresent() ? f("%.2f", ratio.getAsDouble()) : "n/a",
                met(ratio.isPresent() && ratio.getAsDouble() >= TARGET_RATIO)));
        long lost = load.rounds().stream().mapToLong(RoundResult::lost).sum();
        long disorder = load.rounds().stream().mapToLong(RoundResult::outOfOrder).sum();
        md.append(f("| lost, out of order, error replies, %,d sessions | none | %d lost, %d out of order, %s |"
                + " %s |%n", load.sessions(), lost, disorder, errorsText(), met(load.clean())));
        double chatP99 = load.worstP99(LoadTool.CHAT);
        md.append(f("| round trip p99, %,d sessions at full speed (closed loop) | at most 50 ms | %.0f ms (worst "
                + "chat round; bare echo %.0f ms) | %s |%n", load.sessions(), chatP99, load.worstP99(LoadTool.ECHO),
                met(chatP99 <= TARGET_ROUND_TRIP_P99_MS)));
        double pacedP99 = paced.worstP99(LoadTool.CHAT);
        md.append(f("| round trip p99, %,d sessions each sending a message %.0f s after the last reply | at most "
                + "50 ms | %.1f ms | %s |%n", paced.sessions(), paced.thinkMillis() / 1000.0, pacedP99,
                met(pacedP99 <= TARGET_ROUND_TRIP_P99_MS && paced.clean())));
        md.append(f("| heap per idle session | at most 32 KB | %,.0f bytes (%.1f KB) | %s |%n",
                idle.bytesPerSession(), idle.bytesPerSession() / 1024,
                met(idle.bytesPerSession() <= TARGET_BYTES_PER_SESSION)));
        md.append(f("| %,d idle sessions with `-Xmx512m` | fit | %,d open, %,.0f MB of heap in use after GC | %s |%n",
                idle.sessions(), idle.connected(), idle.heapOpen() / 1e6,
                met(idle.connected() == idle.sessions() && idle.heapOpen() < IDLE_HEAP_BYTES)));
        md.append(f("| time to first answer | at most 1.5 s | median %.0f ms, max %.0f ms | %s |%n%n",
                startup.median(), startup.max(), met(startup.max() <= TARGET_FIRST_ANSWER_MS)));
    }

    private void textToDecision(StringBuilder md) {
        md.append("## 1. Text to decision (JMH)\n\n");
        md.append("`TextToReplyBenchmark`: a visitor's text to a decided, composed reply (normalise, crisis check, "
                + "classify, decide, compose), as the first message of a new conversation, over the 474 messages of "
                + "the held-out evaluation set in turn (so with its mix of intents, crises and out-of-scope "
                + "messages). One thread, `Mode.SampleTime`, one fork with `-Xmx512m`, `-prof gc`.\n\n");
        md.append("```\n").append(jmh.command()).append("\n```\n\n");
        md.append("| samples | mean | p50 | p90 | p99 | p99.9 | max | allocated per message |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        md.append(f("| %,d | %.1f µs | %.1f µs | %.1f µs | %.1f µs | %.1f µs | %,.0f µs | %,.0f bytes |%n%n",
                jmh.samples(), jmh.meanMicros(), jmh.p50Micros(), jmh.p90Micros(), jmh.p99Micros(),
                jmh.p999Micros(), jmh.maxMicros(), jmh.allocatedBytesPerMessage()));
        md.append("The maximum is a garbage collection pause that happened to fall on one call; the percentiles "
                + "up to p99.9 are the path itself.\n\n");
    }

    private void loadSection(StringBuilder md) {
        md.append("## 2. Load: the chat server against the bare echo server\n\n");
        md.append(f("`LoadTool` opens %,d WebSocket sessions (the JDK's `java.net.http` client, in its own JVM) "
                + "against each server, and each session sends %d questions from the held-out evaluation set in a "
                + "closed loop: the next as soon as the reply to the last arrives. A reply is checked against the "
                + "one due (type and intent, computed by running the same conversation through the dialogue "
                + "in-process); one later than 10 s is lost. Throughput is answered messages over the time from the "
                + "first message to the last reply; round trip is from sending a message to its reply. Rounds "
                + "alternate, after unmeasured warm-up rounds of %d messages per session (at least %d per server, "
                + "more until two in a row agreed within 10%%: this time %d for the chat server, %d for the echo, "
                + "%d for the sized echo), since the JIT of the servers and the client needs them.%n%n",
                load.sessions(), load.messages(), load.warmupMessages(), load.warmupRounds(),
                load.warmupsOf(LoadTool.CHAT), load.warmupsOf(LoadTool.ECHO), load.warmupsOf(LoadTool.SIZED_ECHO)));
        md.append("```\njava -Xmx3g -cp benchmarks/target/ketamine-faq-benchmarks.jar "
                + "org.ketaminefaq.benchmarks.LoadTool \\\n    --server-jar chatbot/target/ketamine-faq-chatbot.jar "
                + "--echo --sized-echo --sessions " + load.sessions() + " --messages " + load.messages()
                + " \\\n    --warmup-rounds " + load.warmupRounds() + " --max-warmup-rounds " + load.maxWarmupRounds()
                + " --rounds "
                + load.rounds().stream().map(r -> r.label().substring(0, 1)).collect(Collectors.joining(" "))
                + "\n```\n\n");
        md.append("- **A**, the chat server, started by the tool as `").append(server(load, LoadTool.CHAT))
                .append("`. The options raise the per-chat rate limit (5 messages a second, bursts of 10, by "
                        + "default) and the open-chat limit, which a closed loop at full speed would otherwise hit "
                        + "by design.\n");
        md.append("- **B**, the bare echo server: `").append(server(load, LoadTool.ECHO)).append("`, the same "
                + "Tyrus-on-Grizzly set-up as the product (frames answered on Grizzly's selector threads, the same "
                + "buffer and message limits, replies sent without blocking), whose endpoint only parses each frame "
                + "with Jackson and sends back `{\"type\":\"echo\",\"text\":...}`: the limit of this stack on this "
                + "machine.\n");
        md.append(f("- **C**, the same echo server with each reply padded to %,d bytes, the chat replies' mean "
                + "size for these questions (a bare echo is about 70): `%s`. It tells what the chat's larger "
                + "replies cost the stack, apart from the chatbot.%n%n", load.meanChatReplyBytes(),
                server(load, LoadTool.SIZED_ECHO)));
        roundsTable(md, load.rounds());
        load.ratio(LoadTool.ECHO).ifPresent(r -> md.append(f("**Chat / bare echo throughput: %.2f** (%,.0f / %,.0f "
                + "messages a second, means of the rounds). ", r, load.meanThroughput(LoadTool.CHAT).orElse(0),
                load.meanThroughput(LoadTool.ECHO).orElse(0))));
        load.ratio(LoadTool.SIZED_ECHO).ifPresent(r -> md.append(f("Chat / echo of chat-sized replies: %.2f.",
                r)));
        load.ratio(LoadTool.SIZED_ECHO, LoadTool.ECHO).ifPresent(r -> md.append(f(" Echo of chat-sized replies / "
                + "bare echo: %.2f, the most a server that sends replies of the chat's size reached in this run.", r)));
        md.append("\n\n");

        md.append("### Paced: visitors who read and type\n\n");
        md.append(f("The same %,d sessions, each sending its next message %.0f s after the reply to the last (a "
                + "fast visitor), %d messages each: about %,.0f messages a second offered, far below the "
                + "saturation point, so the round trip is the server's service time rather than a queue.%n%n",
                paced.sessions(), paced.thinkMillis() / 1000.0, paced.messages(),
                paced.sessions() / (paced.thinkMillis() / 1000.0)));
        md.append("```\njava -Xmx3g -cp benchmarks/target/ketamine-faq-benchmarks.jar "
                + "org.ketaminefaq.benchmarks.LoadTool \\\n    --server-jar chatbot/target/ketamine-faq-chatbot.jar "
                + "--echo --sessions " + paced.sessions() + " --messages " + paced.messages() + " --think-ms "
                + paced.thinkMillis() + " \\\n    --warmup-rounds " + paced.warmupRounds() + " --max-warmup-rounds "
                + paced.maxWarmupRounds() + " --rounds A B\n```\n\n");
        roundsTable(md, paced.rounds());
    }

    private static void roundsTable(StringBuilder md, List<RoundResult> rounds) {
        md.append("| round | server | connected | answered | lost | out of order | error replies | messages/s "
                + "| p50 | p95 | p99 | max | server CPU per message | client CPU per message | other load "
                + "| GC pauses: server | client |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RoundResult r : rounds) {
            md.append(f("| %s | %s | %,d / %,d | %,d | %d | %d | %s | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms "
                    + "| %.0f µs | %.0f µs | %.0f%% | %s | %s |%n", r.label(), r.target(), r.connected(), r.sessions(),
                    r.answered(), r.lost(), r.outOfOrder(), r.errors().isEmpty() ? "none" : r.errors().toString(),
                    r.throughput(), r.latency().p50(), r.latency().p95(), r.latency().p99(), r.latency().max(),
                    r.serverCpuMicrosPerMessage(), r.clientCpuMicrosPerMessage(), r.otherCpuShare() * 100,
                    r.serverGc().describe(), r.clientGc().describe()));
        }
        md.append("\nCPU per message is the process's CPU time (all threads: JIT and GC included) over the round, "
                + "divided by the messages answered; other load is the share of the machine that other processes "
                + "used meanwhile. GC pauses are the stop-the-world collections of each JVM during the round, with "
                + "their time in all, as its garbage collector MXBeans count them (the servers' through JMX on "
                + "loopback, which the tool turns on with `-Dcom.sun.management.jmxremote.*` options left out of "
                + "the commands above).\n\n");
    }

    private void idleSection(StringBuilder md) {
        md.append("## 3. Memory per idle session\n\n");
        md.append(f("`IdleMemoryTool` starts the chat server with `-Xmx512m` and JMX on loopback (`%s`), opens and "
                + "closes 200 sessions (so that what the first chats load is not counted), reads the heap in use "
                + "after full GCs through JMX (`MemoryMXBean.gc()`, repeated until two readings agree), opens %,d "
                + "sessions that each take their welcome and then stay silent, reads it again, closes them and "
                + "reads it a third time.%n%n", idle.serverCommand(), idle.sessions()));
        md.append("```\njava -Xmx3g -cp benchmarks/target/ketamine-faq-benchmarks.jar "
                + "org.ketaminefaq.benchmarks.IdleMemoryTool \\\n"
                + "    --server-jar chatbot/target/ketamine-faq-chatbot.jar "
                + "--sessions " + idle.sessions() + "\n```\n\n");
        md.append("| sessions open | heap before | heap with them open | heap after closing them | per session | "
                + "opening took |\n|---|---|---|---|---|---|\n");
        md.append(f("| %,d / %,d | %,.1f MB | %,.1f MB | %,.1f MB (%+,.2f MB) | **%,.0f bytes** | %.1f s |%n%n",
                idle.connected(), idle.sessions(), idle.heapBefore() / 1e6, idle.heapOpen() / 1e6,
                idle.heapAfterClose() / 1e6, idle.retainedAfterClose() / 1e6, idle.bytesPerSession(),
                idle.openSeconds()));
        md.append("What an idle session holds, from `jcmd <pid> GC.class_histogram` before and with the sessions "
                + "open (the largest growths, per session):\n\n| class | instances per session | bytes per session |\n"
                + "|---|---|---|\n");
        idle.perSession().stream().limit(12).forEach(c -> md.append(f("| `%s` | %.2f | %,.0f |%n", c.className(),
                c.instances(), c.bytes())));
        md.append("\n");
    }

    private void startupSection(StringBuilder md) {
        md.append("## 4. Time to first answer\n\n");
        md.append("`StartupTool` launches the jar as an operator would and, from that instant, tries "
                + "`ws://127.0.0.1:P/chat` every 5 ms; when the welcome arrives it sends \"how much does it cost?\" "
                + "and stops the clock at the answer frame. The client side is warmed up beforehand, so only the "
                + "server's start is timed. Launched as `" + startup.command() + "`.\n\n");
        md.append("```\njava -cp benchmarks/target/ketamine-faq-benchmarks.jar "
                + "org.ketaminefaq.benchmarks.StartupTool \\\n    --server-jar chatbot/target/ketamine-faq-chatbot.jar "
                + "--runs " + startup.answerMillis().size() + "\n```\n\n");
        boolean withCds = appCds != null;
        md.append(withCds ? "| launch | welcome | first answer | other load | with AppCDS: welcome | first answer "
                + "| other load |\n|---|---|---|---|---|---|---|\n"
                : "| launch | welcome | first answer | other load |\n|---|---|---|---|\n");
        for (int i = 0; i < startup.answerMillis().size(); i++) {
            md.append(f("| %d | %.0f ms | %.0f ms | %.0f%% |", i + 1, startup.welcomeMillis().get(i),
                    startup.answerMillis().get(i), startup.otherLoad().get(i) * 100));
            if (withCds && i < appCds.answerMillis().size()) {
                md.append(f(" %.0f ms | %.0f ms | %.0f%% |", appCds.welcomeMillis().get(i),
                        appCds.answerMillis().get(i), appCds.otherLoad().get(i) * 100));
            }
            md.append("\n");
        }
        md.append(f("%n**Median %.0f ms, max %.0f ms.**", startup.median(), startup.max()));
        if (withCds) {
            md.append(f(" With an AppCDS archive (`%s`, the archive made by one training launch with "
                    + "`-XX:ArchiveClassesAtExit`): median %.0f ms, max %.0f ms.", appCds.command(),
                    appCds.median(), appCds.max()));
        }
        md.append("\n\n");
    }

    private String errorsText() {
        Map<String, Long> errors = new java.util.TreeMap<>();
        load.rounds().forEach(r -> r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum)));
        return errors.isEmpty() ? "no error replies" : "error replies " + errors;
    }

    private static String server(LoadReport report, String target) {
        return report.servers().stream().filter(s -> s.startsWith(target + ": ")).findFirst()
                .map(s -> s.substring(target.length() + 2)).orElse("(not run)");
    }

    static String met(boolean met) {
        return met ? "met" : "**missed**";
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
