package org.ketaminefaq.benchmarks;

import static org.ketaminefaq.benchmarks.BenchmarksReport.f;

import java.util.List;

/**
 * The part of BENCHMARKS.md that says what limits each figure and what was changed in the product to get there. The
 * figures it quotes come from the run, except two kinds, which the text says are from elsewhere: the shares of the chat
 * server's CPU profile, which needs JDK 25 and is taken with {@link ProfileShares} (the text gives the commands), and
 * the "before" figures, those of the same benchmark on the code before the changes.
 */
final class BenchmarksAnalysis {

    private BenchmarksAnalysis() {
    }

    static String text(BenchmarksReport r) {
        StringBuilder md = new StringBuilder();
        md.append("## What limits each figure\n\n");
        textToDecision(md, r);
        throughput(md, r);
        roundTrip(md, r);
        cost(md, r);
        memory(md, r);
        startup(md, r);
        changes(md);
        return md.toString();
    }

    private static void textToDecision(StringBuilder md, BenchmarksReport r) {
        TextToReplyRun j = r.jmh();
        md.append("### Text to decision\n\n");
        md.append(f("Before the changes listed at the end, the same benchmark on the same machine measured a mean of "
                + "44.5 µs, p50 34.8 µs, p99 185 µs and 31,943 bytes allocated per message; this run: mean "
                + "%.1f µs, "
                + "p50 %.1f µs, p99 %.1f µs, %,.0f bytes. Timing each stage over the evaluation set showed where the "
                + "time went: the crisis lexicon ran its 42 regular expressions over every message (about 15 µs, and "
                + "most of the p99 on long messages), the classifier built about ten character n-gram strings per "
                + "word and hashed them into the model's map on every message (about 16 µs), each answer was "
                + "composed again from its template, facts and citations on every message although it depends only "
                + "on the intent and the treatment form (about 10 µs), and the normaliser made six passes with "
                + "regular expressions and string replacements (about 4 µs).%n%n", j.meanMicros(), j.p50Micros(),
                j.p99Micros(), j.allocatedBytesPerMessage()));
        md.append("What is left is mostly the classifier: adding up the parameters of a message's few hundred "
                + "features and looking up its word and word-pair features. The slowest messages are the longest "
                + "(up to 140 characters, 30 words, about 4 times the median); beyond p99.9 the samples are "
                + "garbage-collection pauses of the benchmark's 512 MB heap and JIT compilation, not the path.\n\n");
    }

    /**
     * The dialogue's share of the chat server's CPU time under load, from the profile described in the text: taken
     * with {@link ProfileShares} on the code this file describes, and to be taken again when that code changes.
     */
    static final double DIALOGUE_SHARE = 0.233;

    /** The last full run with chat frames answered on worker threads (commit 571a952): ratio, then msg/s. */
    private static final double WORKER_THREAD_RATIO = 0.61;
    private static final int WORKER_THREAD_CHAT = 28_658;
    private static final int WORKER_THREAD_ECHO = 46_840;

    /** "did not pause", "paused once (18 ms)", "paused twice (48 ms in all)" or "paused 3 times (72 ms in all)". */
    private static String pauses(long count, long millis) {
        if (count == 0) {
            return "did not pause";
        }
        if (count == 1) {
            return f("paused once (%,d ms)", millis);
        }
        return f("paused %s (%,d ms in all)", count == 2 ? "twice" : count + " times", millis);
    }

    /** "24% more" or "16% fewer", for a change in percent. */
    private static String change(double percent) {
        return f("%.0f%% %s", Math.abs(percent), percent < 0 ? "fewer" : "more");
    }

    private static void throughput(StringBuilder md, BenchmarksReport r) {
        LoadReport l = r.load();
        double chatServer = l.meanServerCpu(LoadTool.CHAT).orElse(Double.NaN);
        double echoServer = l.meanServerCpu(LoadTool.ECHO).orElse(Double.NaN);
        double sizedServer = l.meanServerCpu(LoadTool.SIZED_ECHO).orElse(Double.NaN);
        double chatClient = meanClientCpu(l, LoadTool.CHAT);
        double echoClient = meanClientCpu(l, LoadTool.ECHO);
        double sizedClient = meanClientCpu(l, LoadTool.SIZED_ECHO);
        double chatThroughput = l.meanThroughput(LoadTool.CHAT).orElse(Double.NaN);
        double echoThroughput = l.meanThroughput(LoadTool.ECHO).orElse(Double.NaN);
        double dialogue = DIALOGUE_SHARE * chatServer;
        double withoutDialogue = (echoServer + echoClient) / (chatServer - dialogue + chatClient);
        md.append("### Chat throughput against the bare echo\n\n");
        md.append(f("The server under test and the load generator share two cores, so throughput is two cores "
                + "divided by the CPU time one message costs the two of them. In this run (means of the rounds) a "
                + "message cost the chat server %.0f µs and the load generator %.0f µs; the bare echo server %.0f µs "
                + "and the load generator %.0f µs; the echo of chat-sized replies (%,d bytes, where a bare echo is "
                + "about 70) %.0f µs and %.0f µs. Of the %.0f µs the chat server spends beyond the bare echo, the "
                + "size of its replies accounts for %.0f µs (sized echo less bare echo) and the chatbot's own work "
                + "for %.0f µs (chat less sized echo).%n%n", chatServer, chatClient, echoServer, echoClient,
                l.meanChatReplyBytes(), sizedServer, sizedClient, chatServer - echoServer, sizedServer - echoServer,
                chatServer - sizedServer));
        md.append(f("A CPU profile of the chat server under this load (taken separately, on the same code and "
                + "machine, with JDK 25; the commands are below) split its CPU time into: the dialogue (normalise, "
                + "crisis check, classify, decide, compose) %.1f%%: the classifier 13.7%%, the crisis lexicon "
                + "3.9%%, the normaliser 2.9%%; writing the reply's JSON 2.7%% (an answer's fields after the "
                + "confidence are written once per answer; fallbacks, questions and results are still written from "
                + "a Jackson tree); Tyrus's encoding of each reply to UTF-8 13.7%%, character by character through "
                + "its own strict encoder, since its API takes a text frame only as a `String`; the socket write "
                + "20.3%% and read 8.2%%; reading the visitor's frame as JSON 1.8%%; restarting each chat's idle "
                + "timer 3.1%%; and the rest unmasking and dispatching the frames, as the echo server does. Nearly "
                + "all of it (99.7%%) is on Grizzly's two selector threads, which answer the frames themselves. "
                + "%.1f%% of %.0f µs is about %.0f µs of dialogue per message, %.1f times what JMH measures for "
                + "it alone (%.1f µs): here its model and tables share the caches of two cores with Grizzly, Tyrus, "
                + "two garbage collectors and the load generator. With no dialogue at all, the ratio in this run "
                + "would be about %.2f.%n%n", DIALOGUE_SHARE * 100, DIALOGUE_SHARE * 100, chatServer, dialogue,
                dialogue / r.jmh().meanMicros(), r.jmh().meanMicros(), withoutDialogue));
        double sizedBound = l.ratio(LoadTool.SIZED_ECHO, LoadTool.ECHO).orElse(Double.NaN);
        if (withoutDialogue < BenchmarksReport.TARGET_RATIO) {
            md.append("So in this run even a dialogue that cost nothing would leave the ratio under 0.8: the rest of "
                    + "the gap is encoding and writing a 1.3 KB answer per message where the echo writes 70 bytes, "
                    + "and the load generator reading it, on the same two cores.");
            if (sizedBound < BenchmarksReport.TARGET_RATIO) {
                md.append(f(" The echo of chat-sized replies measures that part directly: it does none of the "
                        + "chatbot's work, only parses each frame and sends back as many bytes as a chat answer, "
                        + "and it reached %.2f of the bare echo's throughput. No change to the chatbot's own work "
                        + "can bring the ratio to 0.8 while an answer is this size.", sizedBound));
            }
        } else {
            md.append("So in this run what stands between the ratio and 0.8 is the dialogue's time under load, mostly "
                    + "memory stalls rather than instructions (JMH, with the caches to itself, measures a fraction "
                    + "of it), together with encoding the larger replies.");
        }
        md.append(" What would move it further is smaller replies: an answer's sources carry their titles in every "
                + "reply, where ids with the titles sent once would do; that is a change to the protocol and the "
                + "widget, not made here, and worth about 250 of the 1.3 KB. Sending answers by reference, for the "
                + "widget to fetch, would shrink the frames to the echo's size but cost each visitor a request per "
                + "answer, or the whole knowledge base up front, for the sake of this ratio alone.\n\n");
        double chatChange = 100.0 * (chatThroughput / WORKER_THREAD_CHAT - 1);
        double echoChange = 100.0 * (echoThroughput / WORKER_THREAD_ECHO - 1);
        md.append(f("The ratio was %.2f in the last full run before chat frames were answered on Grizzly's selector "
                + "threads (%,d messages a second for the chat server, %,d for the bare echo, both on worker "
                + "threads then). Against that run, this one's chat server answers %s messages a second and the "
                + "bare echo %s. ", WORKER_THREAD_RATIO, WORKER_THREAD_CHAT, WORKER_THREAD_ECHO, change(chatChange),
                change(echoChange)));
        if (chatChange > 0 && echoChange > 0) {
            md.append("The ratio hides the chat server's gain: what the echo does per message is little more than the "
                    + "hand-off from selector to worker thread that it no longer makes, so the change gained it at "
                    + "least as much.\n\n");
        } else {
            md.append("Absolute throughput moves with the host from one run to the next (see below), so the gain of "
                    + "that change shows only in runs made side by side, as listed at the end.\n\n");
        }
        md.append("The profile: the chat server run under JDK 25 with its `jdk.CPUTimeSample` JFR event, which "
                + "samples by CPU time and so counts time in system calls, while the load tool drives it; "
                + "`ProfileShares` gives a stage's share as the share of samples with that stage's method anywhere "
                + "on the stack, leaving out the first 30 s (start-up, and the first warm-up rounds while the JIT "
                + "compiles the path). `$JDK25` is where a JDK 25 is installed; the load tool runs on the usual "
                + "JDK:\n\n");
        md.append("```\n"
                + "$JDK25/bin/java -Xms1g -Xmx1g -XX:StartFlightRecording:jdk.CPUTimeSample#enabled=true,"
                + "jdk.CPUTimeSample#throttle=2ms,filename=chat.jfr \\\n"
                + "    -jar chatbot/target/ketamine-faq-chatbot.jar --port 18080 --max-sessions 2000 "
                + "--messages-per-second 100000 --message-burst 100000\n"
                + "java -Xmx3g -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.LoadTool "
                + "\\\n    --url ws://127.0.0.1:18080/chat --warmup-rounds 6 --max-warmup-rounds 6 --rounds A A A A A\n"
                + "$JDK25/bin/jcmd <server pid> JFR.dump name=1 filename=chat.jfr\n"
                + "$JDK25/bin/java -cp benchmarks/target/ketamine-faq-benchmarks.jar "
                + "org.ketaminefaq.benchmarks.ProfileShares chat.jfr\n"
                + "```\n\n");
        md.append("These figures vary from run to run more than from round to round: in the runs of this command "
                + "and of its load step made while this file was written, on this machine and with nothing else "
                + "running, the chat / bare echo ratio ranged from 0.55 to 0.87 with the frames answered on worker "
                + "threads and from 0.50 to 0.86 on the selector threads, and a server's CPU time per message "
                + "differed by up to a factor of two between two launches of the same jar. The machine is a "
                + "virtual one on a shared host: on one morning the bare echo fell from about 80,000 to about "
                + "50,000 messages a second between runs an hour apart, with nothing else running inside it and "
                + "the single-threaded JMH figures unchanged. The rounds of one run, which alternate between the "
                + "servers, compare with each other better than runs do.\n\n");
    }

    private static void roundTrip(StringBuilder md, BenchmarksReport r) {
        LoadReport l = r.load();
        double chat = l.meanThroughput(LoadTool.CHAT).orElse(Double.NaN);
        double echo = l.meanThroughput(LoadTool.ECHO).orElse(Double.NaN);
        RoundResult bestChat = best(l, LoadTool.CHAT);
        RoundResult bestEcho = best(l, LoadTool.ECHO);
        md.append("### Round trip at 1,000 sessions\n\n");
        md.append(f("In a closed loop at full speed every one of the %,d sessions always has a message waiting, so "
                + "by Little's law the mean round trip is sessions / throughput: %.0f ms at the chat server's "
                + "%,.0f messages a second, %.0f ms at the bare echo's %,.0f; the p99 is about twice the mean, as "
                + "two JVMs and their garbage collectors take turns on two cores. A p99 of 50 ms with 1,000 "
                + "sessions at full speed therefore takes about 50,000 messages a second: the bare echo's best "
                + "round here had a p99 of %.0f ms at %,.0f messages a second, the chat server's best %.0f ms at "
                + "%,.0f. The full-speed p99 is the throughput limit above, seen from the client, and misses for "
                + "the same reasons. The round trip a visitor sees is the paced one: with each of the %,d sessions "
                + "sending a message a second after its last reply, the p99 is %.1f ms and the p50 %.1f ms.%n%n",
                l.sessions(), 1000.0 * l.sessions() / chat, chat, 1000.0 * l.sessions() / echo, echo,
                bestEcho.latency().p99(), bestEcho.throughput(), bestChat.latency().p99(), bestChat.throughput(),
                r.paced().sessions(), r.paced().worstP99(LoadTool.CHAT),
                r.paced().rounds().stream().filter(x -> x.target().equals(LoadTool.CHAT))
                        .mapToDouble(x -> x.latency().p50()).max().orElse(Double.NaN)));
        md.append("Two things move the p99 from round to round. One is what a message costs the two processes: "
                + "it sets the throughput, and with it the mean round trip. ");
        costSpread(md, l);
        md.append("The other is garbage collection: a stop-the-world pause in either JVM holds up every message in "
                + "flight, and on two shared cores the collector's threads wait for the other JVM too. ");
        gcPauses(md, l);
        md.append("With ZGC in the servers and the load generator (pauses well under a millisecond, for more CPU "
                + "per message), one run of six chat rounds gave a p99 of 43 to 49 ms and the next 40 to 63 ms: "
                + "no reliable gain on this machine, so the servers run with the JVM's default collector, as an "
                + "operator would start them.\n\n");
    }

    /** The chat rounds with the highest and the lowest p99, and the CPU a message cost the two processes in each. */
    private static void costSpread(StringBuilder md, LoadReport l) {
        List<RoundResult> chat = l.rounds().stream().filter(x -> x.target().equals(LoadTool.CHAT)).toList();
        RoundResult worst = chat.stream().max(java.util.Comparator.comparingDouble(x -> x.latency().p99()))
                .orElseThrow();
        RoundResult best = best(l, LoadTool.CHAT);
        if (chat.size() > 1 && !Double.isNaN(worst.serverCpuMicrosPerMessage())) {
            md.append(f("In this run the chat round with the highest p99 (%s, %.0f ms) cost them %.0f µs of CPU per "
                    + "message, the one with the lowest (%s, %.0f ms) %.0f µs. ", worst.label(),
                    worst.latency().p99(), worst.serverCpuMicrosPerMessage() + worst.clientCpuMicrosPerMessage(),
                    best.label(), best.latency().p99(),
                    best.serverCpuMicrosPerMessage() + best.clientCpuMicrosPerMessage()));
        }
    }

    /** This run's chat rounds: how often each JVM paused, and the p99 of the rounds with and without a pause. */
    private static void gcPauses(StringBuilder md, LoadReport l) {
        List<RoundResult> chat = l.rounds().stream().filter(x -> x.target().equals(LoadTool.CHAT)).toList();
        if (chat.stream().anyMatch(x -> !x.serverGc().known())) {
            return; // a server the tool did not start: its collections were not counted
        }
        long serverPauses = chat.stream().mapToLong(x -> x.serverGc().collections()).sum();
        long serverMillis = chat.stream().mapToLong(x -> x.serverGc().millis()).sum();
        long clientPauses = chat.stream().mapToLong(x -> x.clientGc().collections()).sum();
        long clientMillis = chat.stream().mapToLong(x -> x.clientGc().millis()).sum();
        md.append(f("In this run's %d chat rounds the server %s and the load generator %s.", chat.size(),
                pauses(serverPauses, serverMillis), pauses(clientPauses, clientMillis)));
        List<RoundResult> paused = chat.stream()
                .filter(x -> x.serverGc().collections() + x.clientGc().collections() > 0).toList();
        List<RoundResult> clear = chat.stream()
                .filter(x -> x.serverGc().collections() + x.clientGc().collections() == 0).toList();
        if (!paused.isEmpty() && !clear.isEmpty()) {
            md.append(f(" The rounds without a pause in either JVM had a p99 of %s, those with one %s.",
                    p99Range(clear), p99Range(paused)));
        }
        md.append(" ");
    }

    private static String p99Range(List<RoundResult> rounds) {
        double low = rounds.stream().mapToDouble(x -> x.latency().p99()).min().orElse(Double.NaN);
        double high = rounds.stream().mapToDouble(x -> x.latency().p99()).max().orElse(Double.NaN);
        return Math.round(low) == Math.round(high) ? f("%.0f ms", low) : f("%.0f to %.0f ms", low, high);
    }

    /** The round of a target with the lowest p99. */
    private static RoundResult best(LoadReport l, String target) {
        return l.rounds().stream().filter(x -> x.target().equals(target))
                .min(java.util.Comparator.comparingDouble(x -> x.latency().p99())).orElseThrow();
    }

    private static void cost(StringBuilder md, BenchmarksReport r) {
        double saturated = r.load().meanServerCpu(LoadTool.CHAT).orElse(Double.NaN);
        double paced = r.paced().meanServerCpu(LoadTool.CHAT).orElse(Double.NaN);
        double pacedRate = r.paced().meanThroughput(LoadTool.CHAT).orElse(Double.NaN);
        md.append("### What a visitor costs\n\n");
        md.append(f("A message costs the chat server %.0f µs of CPU when it is saturated, and %.0f µs at the paced "
                + "%,.0f messages a second, where fewer messages share each wake-up of Grizzly's selector threads "
                + "(the server's JIT, garbage collector and timers are counted too): %.0f%% of one core for "
                + "%,d visitors who each send a message a second. A visitor who sends one every ten seconds costs a "
                + "tenth of that. An open chat holds %,.0f bytes of heap.%n%n", saturated, paced, pacedRate,
                paced * pacedRate / 1e4, r.paced().sessions(), r.idle().bytesPerSession()));
    }

    private static void memory(StringBuilder md, BenchmarksReport r) {
        IdleMemoryTool.IdleMemoryReport idle = r.idle();
        double grizzlyHttp = idle.perSession().stream()
                .filter(c -> c.className().startsWith("org.glassfish.grizzly.http.util."))
                .mapToDouble(IdleMemoryTool.ClassShare::bytes).sum();
        md.append("### Memory per idle session\n\n");
        md.append(f("%,.0f bytes per idle session, well within 32 KB, and closing the sessions gives the heap back "
                + "(%+,.2f MB after closing %,d). The largest part, %,.0f bytes, is Grizzly's parsed HTTP request "
                + "of the WebSocket handshake (its `ByteChunk`, `CharChunk`, `BufferChunk` and `DataChunk` objects "
                + "with their byte arrays), which Grizzly and Tyrus keep for the life of the connection; the chat's "
                + "own state (the conversation, its rate limiter, the endpoint) is a few hundred bytes, and no "
                + "per-connection read buffer stays allocated (Tyrus buffers only an incomplete frame). Nothing "
                + "needed changing. At this size "
                + "%,d idle chats take %,.0f MB of the 512 MB heap.%n%n", idle.bytesPerSession(),
                idle.retainedAfterClose() / 1e6, idle.connected(), grizzlyHttp, idle.connected(),
                (idle.heapOpen() - idle.heapBefore()) / 1e6));
    }

    private static void startup(StringBuilder md, BenchmarksReport r) {
        StartupTool.StartupReport s = r.startup();
        md.append("### Time to first answer\n\n");
        md.append(f("Median %.0f ms. Most of it is the JVM loading and verifying some 2,000 classes of Jackson, "
                + "OpenNLP, Tyrus, Grizzly and picocli from the jar and running them in the interpreter: reading the "
                + "clinic profile and knowledge base (Jackson's first use, about 200 ms), loading the intent model "
                + "(about 90 ms) and starting Grizzly and Tyrus. Before the dialogue warmed itself up, the first "
                + "message after the welcome took another 90 to 180 ms (compiling the crisis lexicon's patterns, "
                + "first classification and composition on a cold JVM); the engine now answers two fixed questions "
                + "on a background thread while the server starts, and the first answer follows the welcome by "
                + "about 15 ms.", s.median()));
        if (r.appCds() != null) {
            md.append(f(" An operator who wants less can keep an AppCDS archive of these classes "
                    + "(`-XX:ArchiveClassesAtExit` on one launch, `-XX:SharedArchiveFile` after): median %.0f ms "
                    + "here. The archive belongs to one JDK build and one jar, so it is not shipped.",
                    r.appCds().median()));
        }
        md.append("\n\n");
    }

    private static void changes(StringBuilder md) {
        md.append("## What was changed in the product, and why\n\n");
        md.append("In `chatbot/src/main/java/org/ketaminefaq/chatbot/nlp`, `.../dialogue` and, for the answer JSON "
                + "and the server's threads, `.../server`. Behaviour is "
                + "unchanged: every existing test passes, the held-out evaluation gives the same figures to the "
                + "digit (in-scope accuracy 96.4%, out-of-scope recall 95.7%, in-scope false fallback 1.4%, crisis "
                + "recall 100%, crisis false positives 0%), and each change has a test that compares it with what "
                + "it replaces.\n\n");
        List<String> items = List.of(
                "**Crisis lexicon: skip the patterns that cannot match.** `RequiredLiterals` reads, from each "
                        + "pattern's own text, literal strings at least one of which every match must contain "
                        + "(for `\\b(kill|hurt|...) my ?self\\b`, \" myself\" or \" my self\"), conservatively: a "
                        + "construct it does not understand means \"always run the pattern\". `LiteralScanner` "
                        + "finds the literals of all patterns in one pass (Aho-Corasick), and only patterns whose "
                        + "literals occur are run, in the same order. A test checks over all training and "
                        + "evaluation messages, each with every word left out in turn, and random pairs, that no "
                        + "pattern that matches is ever skipped and that the lexicon's verdict is the same.",
                "**Form detector:** the same prefilter for its four patterns.",
                "**Classifier: score without rebuilding feature strings.** `NgramScorer` gives exactly the "
                        + "probabilities OpenNLP's `DocumentCategorizerME` gives, bit for bit: the same features in "
                        + "the same order, added up as `ArrayMath.sumFeatures` does from the same uniform prior, "
                        + "normalised as `GISModel` does. The features of words the model knows (its training "
                        + "vocabulary, so nothing a visitor types is kept), their character n-grams laid end to end "
                        + "in two arrays, and the word pairs of known words it has, are looked up once and kept, "
                        + "instead of some thirty strings built and hashed per word and message. It checks itself "
                        + "against OpenNLP on a probe when built and declines any other kind of model; a test "
                        + "compares both on every training and evaluation message.",
                "**Answers: composed once per intent and treatment form.** An answer depends only on them, the "
                        + "templates and the clinic, all fixed for an engine; `AnswerComposer` keeps each once "
                        + "composed.",
                "**Normaliser: one pass for ASCII text** (nearly every message) instead of six; text with other "
                        + "characters takes the original path. A test compares the two on the training and "
                        + "evaluation messages and 20,000 random strings.",
                "**Ranking:** an insertion sort of the scores instead of `List.sort` with a composed comparator.",
                "**Crisis lexicon's typo check:** a word is compared only with lexicon words of a length one edit "
                        + "can reach, in a fixed order, and a message with no typo of a lexicon word is not split and "
                        + "joined again.",
                "**Answer JSON written once per answer** (`AnswerJsonCache`, in the server): everything after the "
                        + "confidence depends only on the answer, which comes from the knowledge base and never from "
                        + "what a visitor typed; a test checks it against the Jackson tree character for character "
                        + "for every answer to the held-out questions, inside and outside a screening. The reply is "
                        + "put together in one concatenation: a growing `StringBuilder` copied the 1.3 KB twice, "
                        + "three times when a source title with a dash made it UTF-16, and was a quarter of the "
                        + "server's allocation under load.",
                "**Chat frames answered on Grizzly's selector threads** (`ChatServer.configureThreads`): a "
                        + "message costs a few microseconds of CPU and never waits, since replies are sent without "
                        + "blocking, so handing each one from the selector thread that read it to a worker thread "
                        + "cost more than answering it. With the worker threads the chat server spent 44 to 54 µs of "
                        + "CPU per message in this load and managed 27,000 messages a second; on the selector "
                        + "threads, in the same runs, 28 to 37 µs and 34,000. HTTP requests (the page, the widget, "
                        + "the screening API) still run on a worker pool, since a handler may block on a slow "
                        + "client. The bare echo server takes the same set-up, so it stays the limit of the stack.",
                "**Start-up:** a new `DialogueEngine` answers two fixed questions on a background thread, so that "
                        + "the first visitor does not pay for the cold start of the dialogue (see above).");
        for (String item : items) {
            md.append("- ").append(item).append("\n");
        }
        md.append("\nThe per-session memory target was met without changing `ChatContainer` or `ServerConfig`.\n");
    }

    private static double meanClientCpu(LoadReport l, String target) {
        return l.rounds().stream().filter(x -> x.target().equals(target))
                .mapToDouble(RoundResult::clientCpuMicrosPerMessage).average().orElse(Double.NaN);
    }
}
