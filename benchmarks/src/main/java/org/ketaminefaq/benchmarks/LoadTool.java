package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load tool: N chats over WebSocket, each sending questions of the test set one at a time. Paced, each waits a
 * random 3 to 8 seconds after a reply before its next message, as people chat; closed-loop ({@code --think 0 0}),
 * each sends the next at once, to find a server's ceiling. Reports what was lost, extra or rate-limited, messages a
 * second and the round trip's percentiles, as JSON.
 *
 * <pre>{@code
 * java -cp benchmarks/target/ketamine-faq-benchmarks.jar org.ketaminefaq.benchmarks.LoadTool \
 *     --url ws://127.0.0.1:8025/chat --chats 1000 --seconds 60
 * }</pre>
 */
@Command(name = "load-tool", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Paced or closed-loop chats against a chat (or echo) server; prints the result as JSON.")
public final class LoadTool implements Callable<Integer> {

    /**
     * One run: {@code chats} chats, each sending up to {@code messages} messages until {@code seconds} have passed,
     * thinking a random time between the two bounds after each reply (both 0 for a closed loop).
     */
    record Spec(int chats, int messages, int seconds, long thinkMinMillis, long thinkMaxMillis, long seed,
                long replyTimeoutMillis) {
        static Spec paced(int chats, int seconds) {
            return new Spec(chats, Integer.MAX_VALUE, seconds, 3000, 8000, Workload.SEED, 10_000);
        }

        static Spec closed(int chats, int messages) {
            return new Spec(chats, messages, 600, 0, 0, Workload.SEED, 10_000);
        }
    }

    /** What a run did; round trips in milliseconds. Clean when every chat connected and every message was answered. */
    record Result(int chats, int connected, long sent, long answered, long lost, long extra, long rateLimited,
                  long errors, long closedEarly, double seconds, double messagesPerSecond, double p50Millis,
                  double p99Millis, double maxMillis, long meanReplyChars) {
        boolean clean() {
            return connected == chats && lost == 0 && extra == 0 && rateLimited == 0 && closedEarly == 0
                    && answered == sent;
        }
    }

    @Option(names = "--url", required = true, paramLabel = "WS_URL", description = "The chat to load.")
    URI url;

    @Option(names = "--origin", paramLabel = "URL", description = "The Origin header, such as the clinic's site, for "
            + "a clinic whose profile lists allowedOrigins.")
    String origin;

    @Option(names = "--chats", description = "Concurrent chats (default: ${DEFAULT-VALUE}).")
    int chats = 100;

    @Option(names = "--seconds", description = "How long chats go on sending (default: ${DEFAULT-VALUE}).")
    int seconds = 60;

    @Option(names = "--messages", description = "Most messages per chat (default: no limit).")
    int messages = Integer.MAX_VALUE;

    @Option(names = "--think", arity = "2", paramLabel = "MS", description = "Least and most think time after a "
            + "reply, in ms (default: 3000 8000; 0 0 for a closed loop).")
    long[] think = {3000, 8000};

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadTool()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Result result = run(url, origin, new Spec(chats, messages, seconds, think[0], think[1], Workload.SEED, 10_000));
        System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return result.clean() ? 0 : 1;
    }

    /** Runs {@code spec} against the chat at {@code url} and returns once every chat has finished. */
    static Result run(URI url, Spec spec) throws Exception {
        return run(url, null, spec);
    }

    /** The same with an {@code Origin} header; {@code null} for none. */
    static Result run(URI url, String origin, Spec spec) throws Exception {
        Workload workload = Workload.fromTestSet();
        WsClients clients = WsClients.shared();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        List<LoadSession> sessions = new ArrayList<>();
        try {
            long endsAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(spec.seconds());
            // at most 200 handshakes at once, as a crowd arriving rather than a SYN flood
            Semaphore handshakes = new Semaphore(200);
            for (int i = 0; i < spec.chats(); i++) {
                LoadSession session = new LoadSession(i, workload, spec, endsAt, timer);
                sessions.add(session);
                handshakes.acquire();
                clients.connect(url, origin, session, Duration.ofSeconds(30)).whenComplete((ws, e) -> {
                    if (e != null) {
                        session.welcomed.completeExceptionally(e);
                    }
                });
                session.welcomed.whenComplete((r, e) -> handshakes.release());
            }
            int connected = 0;
            for (LoadSession s : sessions) {
                try {
                    s.welcomed.get(60, TimeUnit.SECONDS);
                    connected++;
                } catch (Exception e) {
                    s.finished.complete(null);
                }
            }
            long begin = System.nanoTime();
            sessions.stream().filter(s -> !s.finished.isDone()).forEach(LoadSession::start);
            ScheduledFuture<?> timeouts = timer.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                sessions.forEach(s -> s.checkTimeout(now));
            }, 100, 100, TimeUnit.MILLISECONDS);
            CompletableFuture.allOf(sessions.stream().map(s -> s.finished).toArray(CompletableFuture[]::new))
                    .get(spec.seconds() + 120L, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - begin) / 1e9;
            timeouts.cancel(false);
            return summarise(spec, sessions, connected, elapsed);
        } finally {
            for (LoadSession s : sessions) {
                if (s.webSocket() != null) {
                    s.webSocket().abort();
                }
            }
            timer.shutdownNow();
        }
    }

    private static Result summarise(Spec spec, List<LoadSession> sessions, int connected, double seconds) {
        long sent = 0, answered = 0, lost = 0, extra = 0, limited = 0, errors = 0, early = 0, chars = 0;
        List<long[]> trips = new ArrayList<>();
        for (LoadSession s : sessions) {
            synchronized (s) {
                sent += s.sent;
                answered += s.answered;
                lost += s.lost;
                extra += s.extra;
                limited += s.rateLimited;
                errors += s.errors;
                early += s.closedEarly ? 1 : 0;
                chars += s.replyChars;
            }
            trips.add(s.roundTrips());
        }
        long[] all = trips.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(spec.chats(), connected, sent, answered, lost, extra, limited, errors, early,
                round(seconds), round(answered / seconds), millis(all, 0.50), millis(all, 0.99), millis(all, 1.0),
                answered == 0 ? 0 : chars / answered);
    }

    /** The {@code q} quantile of sorted nanoseconds, in milliseconds; 0 when there are none. */
    static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return round(sorted[Math.max(0, index)] / 1e6);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
