package org.ketaminefaq.chatbot.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Cuts the TCP connection of a chat whose client does not read what the server sends, so that such a client costs
 * neither a thread nor memory without bound.
 *
 * <p>Why it is needed: the chat replies without waiting for the client (see {@code ChatEndpoint}), and Tyrus queues
 * what the socket does not take yet in Grizzly's write queue, which has no limit of its own once Tyrus has started to
 * queue. Closing the chat the WebSocket way does not help either: the close frame waits behind the replies the
 * client never reads, and so does Tyrus's closing of the connection. So this guard looks at the bytes that wait in
 * a chat connection's write queue, beyond what the operating system's socket buffers already hold, and closes the
 * connection itself:
 * <ul>
 *   <li>at once when more than {@code maxQueuedBytes} wait (a client that keeps sending and never reads);</li>
 *   <li>when bytes have waited for {@code stallTimeout} without the queue moving (a client that stopped reading
 *       and sending, or a peer that vanished without a FIN).</li>
 * </ul>
 * Tyrus then ends the chat with 1006 (closed abnormally), which counts it out of the open chats.
 *
 * <p>A visitor's browser reads every reply as it comes, and a reply is at most a few kilobytes; the socket buffers
 * hold far more. Only a client that ignores its replies ever reaches either limit. Only WebSocket connections are
 * watched; Grizzly's HTTP side waits for the socket itself, with its own write timeout.
 *
 * <p>Thread-safe. {@link #close()} stops the one thread that looks for stalled queues.
 */
final class SlowReaderGuard implements AddOn, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SlowReaderGuard.class.getName());

    private final int maxQueuedBytes;
    private final long stallNanos;
    private final Map<Connection<?>, Backlog> chats = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** What waited in a connection's write queue when last looked at, and since when that number has not moved. */
    private record Backlog(int queued, long since) {
    }

    /**
     * @param maxQueuedBytes the most bytes a chat connection may have waiting to be sent
     * @param stallTimeout how long bytes may wait without any of them being sent
     */
    SlowReaderGuard(int maxQueuedBytes, Duration stallTimeout) {
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least 1, but was " + maxQueuedBytes);
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be longer than zero, but was " + stallTimeout);
        }
        this.maxQueuedBytes = maxQueuedBytes;
        this.stallNanos = stallTimeout.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ketamine-faq-slow-reader-guard");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, Math.min(1000, stallTimeout.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        // next to the transport, where every write of every filter above passes on its way to the socket
        builder.add(builder.indexOfType(TransportFilter.class) + 1, new CountQueuedBytes());
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec >= 0) {
            // after the HTTP codec, which announces an upgrade to the filters after it
            builder.add(codec + 1, new WatchChatUpgrades());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        chats.clear();
    }

    private void watch(Connection<?> connection) {
        if (chats.putIfAbsent(connection, new Backlog(0, System.nanoTime())) == null) {
            connection.closeFuture().addCompletionHandler(new EmptyCompletionHandler<>() {
                @Override
                public void completed(org.glassfish.grizzly.CloseReason reason) {
                    chats.remove(connection);
                }
            });
            if (!connection.isOpen()) {
                chats.remove(connection); // closed before the listener was in place
            }
        }
    }

    private static int queuedBytes(Connection<?> connection) {
        return connection instanceof NIOConnection nio ? nio.getAsyncWriteQueue().spaceInBytes() : 0;
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Map.Entry<Connection<?>, Backlog> entry : chats.entrySet()) {
                Connection<?> connection = entry.getKey();
                if (!connection.isOpen()) {
                    chats.remove(connection);
                    continue;
                }
                int queued = queuedBytes(connection);
                Backlog last = entry.getValue();
                if (queued > maxQueuedBytes) {
                    cut(connection, "more than " + maxQueuedBytes + " bytes waiting");
                } else if (queued != last.queued()) {
                    entry.setValue(new Backlog(queued, now)); // the client took some, or there is more to send
                } else if (queued > 0 && now - last.since() >= stallNanos) {
                    cut(connection, queued + " bytes waiting for " + Duration.ofNanos(now - last.since()).toMillis()
                            + " ms");
                }
            }
        } catch (RuntimeException e) {
            // a failed sweep must not end the sweeping: the next one runs as usual
            LOG.log(Level.WARNING, "The slow reader guard failed a sweep", LogSafe.redact(e));
        }
    }

    private void cut(Connection<?> connection, String why) {
        chats.remove(connection);
        // counts and times only: nothing of what waits is logged
        LOG.log(Level.FINE, "Cut a chat connection whose client does not read: {0}", why);
        // terminate, not close: Grizzly's close is graceful and waits for the write queue to drain, which it never
        // will; so does Tyrus's own closing of a chat's connection
        connection.terminateSilently();
    }

    /** Checks, before each write goes to the socket, that a chat's queue has not grown past the limit. */
    private final class CountQueuedBytes extends BaseFilter {
        @Override
        public NextAction handleWrite(FilterChainContext ctx) {
            Connection<?> connection = ctx.getConnection();
            // the queue's size first: it is one read, and it is over the limit far less often than a connection is
            // a chat, so the map is looked up only then
            if (queuedBytes(connection) > maxQueuedBytes && chats.containsKey(connection)) {
                // the write goes on to the closed connection, and fails there like any write to a gone client
                cut(connection, "more than " + maxQueuedBytes + " bytes waiting");
            }
            return ctx.getInvokeAction();
        }
    }

    /** Starts watching a connection when it asks to become a WebSocket. */
    private final class WatchChatUpgrades extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                String upgrade = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader().getUpgrade();
                if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
                    watch(ctx.getConnection());
                }
            }
            return ctx.getInvokeAction();
        }
    }
}
