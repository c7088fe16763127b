package org.ketaminefaq.benchmarks;

import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated visitor: takes the welcome, then sends a message, waits for its reply, thinks (a random time between
 * the spec's bounds; none in a closed loop) and sends the next, until it has sent its messages or the run's end has
 * passed. One message is outstanding at a time, so a reply that arrives while none is outstanding is an extra one:
 * late, after its message was given up as lost, or a second reply.
 */
final class LoadSession extends WsClients.FrameListener {

    private final int id;
    private final Workload workload;
    private final LoadTool.Spec spec;
    private final long endsAt;
    private final SplittableRandom random;
    private final ScheduledExecutorService timer;

    final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    final CompletableFuture<Void> finished = new CompletableFuture<>();

    private WebSocket ws;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private boolean outstanding;
    private int next;
    private long sentAt;
    private long[] roundTrips = new long[8];
    long sent;
    long answered;
    long lost;
    long extra;
    long rateLimited;
    long errors;
    long replyChars;
    boolean closedEarly;

    LoadSession(int id, Workload workload, LoadTool.Spec spec, long endsAt, ScheduledExecutorService timer) {
        this.id = id;
        this.workload = workload;
        this.spec = spec;
        this.endsAt = endsAt;
        // not java.util.Random: its first numbers for neighbouring seeds are nearly equal, which started every chat
        // at the same moment
        this.random = new SplittableRandom(spec.seed() * 31 + id);
        this.timer = timer;
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
            extra++;
            return;
        }
        if (answered == roundTrips.length) {
            roundTrips = Arrays.copyOf(roundTrips, roundTrips.length * 2);
        }
        roundTrips[(int) answered++] = now - sentAt;
        replyChars += frame.length();
        if (startsWith(frame, "{\"type\":\"error\"")) {
            errors++;
            if (frame.toString().contains("\"rate_limited\"")) {
                rateLimited++;
            }
        }
        outstanding = false;
        next++;
        scheduleNext();
    }

    private static boolean startsWith(CharSequence text, String prefix) {
        return text.length() >= prefix.length() && text.subSequence(0, prefix.length()).toString().equals(prefix);
    }

    /** Starts the conversation: the first message after a random part of the longest think time, to spread them. */
    synchronized void start() {
        long spread = spec.thinkMaxMillis() == 0 ? 0 : (long) (random.nextDouble() * spec.thinkMaxMillis());
        timer.schedule(this::send, spread, TimeUnit.MILLISECONDS);
    }

    private void scheduleNext() {
        long think = spec.thinkMinMillis() + (long) (random.nextDouble() * (spec.thinkMaxMillis() - spec.thinkMinMillis()));
        if (think == 0) {
            send();
        } else {
            timer.schedule(this::send, think, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void send() {
        if (finished.isDone()) {
            return;
        }
        if (next >= spec.messages() || System.nanoTime() >= endsAt) {
            finished.complete(null);
            return;
        }
        String frame = workload.frame(id, next);
        WebSocket socket = ws;
        outstanding = true;
        sent++;
        sentAt = System.nanoTime();
        // the JDK allows one send in flight per WebSocket: chain each send after the previous one
        sendChain = sendChain.handle((r, e) -> null).thenCompose(r -> socket.sendText(frame, true));
    }

    /** Gives up on a reply that is overdue, counting its message lost, and goes on. */
    synchronized void checkTimeout(long now) {
        if (outstanding && now - sentAt > TimeUnit.MILLISECONDS.toNanos(spec.replyTimeoutMillis())) {
            lost++;
            outstanding = false;
            next++;
            scheduleNext();
        }
    }

    @Override
    synchronized void onEnd(int code) {
        welcomed.completeExceptionally(new IllegalStateException("closed with " + code + " before the welcome"));
        if (!finished.isDone()) {
            closedEarly = true;
            if (outstanding) {
                lost++;
                outstanding = false;
            }
            finished.complete(null);
        }
    }

    synchronized WebSocket webSocket() {
        return ws;
    }

    /** The round trips of the answered messages, in nanoseconds. */
    synchronized long[] roundTrips() {
        return Arrays.copyOf(roundTrips, (int) answered);
    }
}
