package org.ketaminefaq.benchmarks;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round of load: opens the sessions (a bounded number of handshakes at a time), waits until every one has its
 * welcome, starts them all at once, lets each send its messages in a closed loop, and closes them.
 */
final class LoadRound {

    /**
     * @param replyTimeout a message without a reply after this long is lost
     * @param connectTimeout the longest a handshake may take
     * @param connectConcurrency how many handshakes may be under way at once
     * @param think how long each session waits after a reply before it sends its next message; zero for a closed
     *     loop at full speed
     */
    record Settings(Duration replyTimeout, Duration connectTimeout, int connectConcurrency, Duration think) {
        static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), 64, Duration.ZERO);
        }
    }

    private LoadRound() {
    }

    /**
     * @param server the server's process, for its CPU time; empty when it is not a process this tool started
     * @param serverGc the server's collections, read the same way
     */
    static RoundResult run(String label, String target, URI uri, Optional<ProcessHandle> server,
            Optional<GcPauses> serverGc, Workload workload, Workload.Expectation expectation, WsClients clients,
            Settings settings) throws InterruptedException {
        ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-timeouts");
            t.setDaemon(true);
            return t;
        });
        List<LoadSession> sessions = new ArrayList<>(workload.sessions());
        for (int s = 0; s < workload.sessions(); s++) {
            sessions.add(new LoadSession(s, workload, expectation, settings.replyTimeout().toNanos(),
                    settings.think().toNanos(), timeouts));
        }
        long connectStart = System.nanoTime();
        List<LoadSession> connected = open(sessions, uri, clients, settings);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;

        GcPauses clientGc = GcPauses.local();
        GcPauses.Count serverGcStart = serverGc.map(GcPauses::now).orElse(GcPauses.Count.UNKNOWN);
        GcPauses.Count clientGcStart = clientGc.now();
        long serverCpuStart = cpuNanos(server);
        long clientCpuStart = cpuNanos(Optional.of(ProcessHandle.current()));
        MachineLoad.Window window = MachineLoad.window();
        long start = System.nanoTime();
        try {
            timeouts.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                connected.forEach(s -> s.checkTimeout(now));
            }, 50, 50, TimeUnit.MILLISECONDS);
            // with a think time, the sessions start spread over it, as visitors arrive at different moments;
            // in a closed loop at full speed they all start at once
            long think = settings.think().toNanos();
            for (int i = 0; i < connected.size(); i++) {
                connected.get(i).start(think * i / connected.size());
            }
            await(connected.stream().map(s -> s.finished).toList(),
                    settings.replyTimeout().plus(settings.think()).multipliedBy(workload.messages() + 2L));
        } finally {
            timeouts.shutdownNow();
        }
        long end = connected.stream().mapToLong(LoadSession::finishedAt).max().orElse(start);
        long serverCpu = cpuNanos(server) - serverCpuStart;
        long clientCpu = cpuNanos(Optional.of(ProcessHandle.current())) - clientCpuStart;
        GcPauses.Count serverGcInRound = serverGc.map(g -> g.now().minus(serverGcStart))
                .orElse(GcPauses.Count.UNKNOWN);
        GcPauses.Count clientGcInRound = clientGc.now().minus(clientGcStart);
        // without the server's process (one already running) its CPU time cannot be told from others'
        double otherShare = server.isPresent() ? window.othersShare(serverCpu + clientCpu) : Double.NaN;
        closeAll(connected, Duration.ofSeconds(30));

        long sent = 0;
        long answered = 0;
        long lost = 0;
        long outOfOrder = 0;
        int closedEarly = 0;
        Map<String, Long> errors = new TreeMap<>();
        long[] roundTrips = new long[0];
        List<long[]> parts = new ArrayList<>();
        for (LoadSession s : connected) {
            sent += s.sent();
            answered += s.answered();
            lost += s.lost();
            outOfOrder += s.outOfOrder();
            closedEarly += s.closedEarly() ? 1 : 0;
            s.errors().forEach((code, n) -> errors.merge(code, n, Long::sum));
            parts.add(s.roundTrips());
        }
        roundTrips = parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        double seconds = Math.max(1e-9, (end - start) / 1e9);
        return new RoundResult(label, target, workload.sessions(), workload.messages(), connected.size(),
                connectSeconds, sent, answered, lost, outOfOrder, Map.copyOf(errors), closedEarly, seconds,
                answered / seconds, Latency.ofNanos(roundTrips),
                server.isPresent() && answered > 0 ? serverCpu / 1e3 / answered : Double.NaN,
                answered > 0 ? clientCpu / 1e3 / answered : Double.NaN, otherShare, serverGcInRound,
                clientGcInRound);
    }

    /** A process's CPU time so far (all its threads, user and system), as the operating system counts it. */
    static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * Opens the sessions, at most {@code connectConcurrency} handshakes at a time, and returns those that got their
     * welcome.
     */
    static <S extends LoadSession> List<S> open(List<S> sessions, URI uri, WsClients clients, Settings settings)
            throws InterruptedException {
        Semaphore handshakes = new Semaphore(settings.connectConcurrency());
        for (S session : sessions) {
            handshakes.acquire();
            session.welcomed.whenComplete((ok, error) -> handshakes.release());
            clients.connect(uri, session, settings.connectTimeout()).whenComplete((ws, error) -> {
                if (error != null) {
                    session.connectFailed(error);
                }
            });
        }
        await(sessions.stream().map(s -> s.welcomed).toList(), settings.connectTimeout().plusSeconds(30));
        return sessions.stream().filter(s -> s.welcomed.isDone() && !s.welcomed.isCompletedExceptionally()).toList();
    }

    /** Sends a normal close on every session and waits for the server's close; aborts those that do not close. */
    static void closeAll(List<? extends LoadSession> sessions, Duration wait) throws InterruptedException {
        for (LoadSession s : sessions) {
            WebSocket ws = s.webSocket();
            if (ws != null && !ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            }
        }
        await(sessions.stream().map(s -> s.ended).toList(), wait);
        for (LoadSession s : sessions) {
            WebSocket ws = s.webSocket();
            if (ws != null && !s.ended.isDone()) {
                ws.abort();
            }
        }
    }

    /** Waits until all complete, normally or not, or the time is up. */
    static void await(List<? extends CompletableFuture<?>> futures, Duration atMost) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.stream()
                .map(f -> f.handle((r, e) -> null)).toArray(CompletableFuture[]::new));
        try {
            all.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the callers count what did not complete
        }
    }
}
