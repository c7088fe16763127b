package org.ketaminefaq.benchmarks;

import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated visitor of a load run: waits for the welcome, then sends its messages in a closed loop (the next one
 * as soon as the reply to the last arrives, or the reply timeout passes), timing each round trip and checking each
 * reply against the one due. Its counters are read once the session has finished.
 */
final class LoadSession extends WsClients.FrameListener {

    private final int id;
    private final String[] frames;
    private final Workload.Expectation expectation;
    private final long timeoutNanos;
    private final long thinkNanos;
    private final ScheduledExecutorService thinker;

    /** The first frame (the welcome) arrived; fails if the connection fails or closes first. */
    final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    /** Every message sent was answered or timed out, or the connection ended. */
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    /** The connection is closed; the close code, or -1 when it failed. */
    final CompletableFuture<Integer> ended = new CompletableFuture<>();

    private WebSocket ws;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private boolean started;
    private boolean outstanding;
    private int next;
    private long sentAt;
    private long finishedAt;

    private final long[] roundTrips;
    private long sent;
    private long answered;
    private long lost;
    private long outOfOrder;
    private boolean closedEarly;
    private final Map<String, Long> errors = new HashMap<>(2);

    /**
     * @param thinkNanos how long to wait after a reply before sending the next message, as a visitor reads and
     *     types; 0 sends at once (a closed loop at full speed)
     * @param thinker runs the delayed sends when {@code thinkNanos} is not 0
     */
    LoadSession(int id, Workload workload, Workload.Expectation expectation, long timeoutNanos, long thinkNanos,
                ScheduledExecutorService thinker) {
        this.id = id;
        this.frames = new String[workload.messages()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = workload.frame(id, i);
        }
        this.expectation = expectation;
        this.timeoutNanos = timeoutNanos;
        this.thinkNanos = thinkNanos;
        this.thinker = thinker;
        this.roundTrips = new long[frames.length];
        Arrays.fill(roundTrips, -1);
    }

    @Override
    public synchronized void onOpen(WebSocket ws) {
        this.ws = ws;
        super.onOpen(ws);
    }

    @Override
    synchronized void onFrame(WebSocket ws, CharSequence frame) {
        long now = System.nanoTime();
        if (!welcomed.isDone()) {
            welcomed.complete(null);
            return;
        }
        if (!outstanding) {
            outOfOrder++; // a reply nobody waits for: late, after its message timed out, or a second reply
            return;
        }
        roundTrips[next] = now - sentAt;
        answered++;
        ReplySummary reply = ReplySummary.parse(frame, expectation.needsText());
        if ("error".equals(reply.type())) {
            errors.merge(String.valueOf(reply.code()), 1L, Long::sum);
        } else if (!expectation.matches(id, next, reply)) {
            outOfOrder++;
        }
        outstanding = false;
        next++;
        if (thinkNanos > 0 && next < frames.length) {
            thinker.schedule(this::sendAfterThinking, thinkNanos, TimeUnit.NANOSECONDS);
        } else {
            sendNext(now);
        }
    }

    private synchronized void sendAfterThinking() {
        if (!finished.isDone()) {
            sendNext(System.nanoTime());
        }
    }

    /** Sends the first message after {@code delayNanos} (at once for 0); the rest follow the replies. */
    synchronized void start(long delayNanos) {
        started = true;
        if (delayNanos > 0) {
            thinker.schedule(this::sendAfterThinking, delayNanos, TimeUnit.NANOSECONDS);
        } else {
            sendNext(System.nanoTime());
        }
    }

    private void sendNext(long now) {
        if (next >= frames.length) {
            finishedAt = now;
            finished.complete(null);
            return;
        }
        String frame = frames[next];
        WebSocket socket = ws;
        outstanding = true;
        sent++;
        sentAt = System.nanoTime();
        // the JDK allows one send in flight per WebSocket: chain each send after the previous one
        sendChain = sendChain.handle((r, e) -> null).thenCompose(r -> socket.sendText(frame, true));
    }

    /** Counts the outstanding message lost when its reply is overdue, and goes on with the next. */
    synchronized void checkTimeout(long now) {
        if (outstanding && now - sentAt > timeoutNanos) {
            lost++;
            outstanding = false;
            next++;
            sendNext(now);
        }
    }


    @Override
    synchronized void onEnd(int code) {
        ended.complete(code);
        welcomed.completeExceptionally(new IllegalStateException("closed with " + code + " before the welcome"));
        if (started && !finished.isDone()) {
            closedEarly = true;
            if (outstanding) {
                lost++;
                outstanding = false;
            }
            finishedAt = System.nanoTime();
            finished.complete(null);
        }
    }

    /** The connection could not be opened. */
    void connectFailed(Throwable error) {
        welcomed.completeExceptionally(error);
        ended.complete(-1);
    }

    synchronized WebSocket webSocket() {
        return ws;
    }

    synchronized long finishedAt() {
        return finishedAt;
    }

    synchronized long sent() {
        return sent;
    }

    synchronized long answered() {
        return answered;
    }

    synchronized long lost() {
        return lost;
    }

    synchronized long outOfOrder() {
        return outOfOrder;
    }

    synchronized boolean closedEarly() {
        return closedEarly;
    }

    synchronized Map<String, Long> errors() {
        return Map.copyOf(errors);
    }

    /** The round trips of the answered messages, in nanoseconds. */
    synchronized long[] roundTrips() {
        return Arrays.stream(roundTrips).filter(n -> n >= 0).toArray();
    }
}
