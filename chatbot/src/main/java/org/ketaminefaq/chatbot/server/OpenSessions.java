package org.ketaminefaq.chatbot.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chats that are open, up to a limit, so that the server can refuse the one too many and close them all when it
 * stops. Thread-safe.
 */
final class OpenSessions {

    private final int max;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    OpenSessions(int max) {
        this.max = max;
    }

    /** Counts a new chat in; {@code false} when the limit is reached or the server is stopping. */
    boolean tryAdmit(Session session) {
        if (closing) {
            return false;
        }
        int n;
        do {
            n = count.get();
            if (n >= max) {
                return false;
            }
        } while (!count.compareAndSet(n, n + 1));
        open.add(session);
        return true;
    }

    /** Counts a chat out; harmless for a chat that was never admitted or is already out. */
    void release(Session session) {
        if (open.remove(session)) {
            count.decrementAndGet();
        }
    }

    /** How many chats are open. */
    int count() {
        return count.get();
    }

    /** Whether the server is stopping, so that a refused chat is told "going away" rather than "try later". */
    boolean closing() {
        return closing;
    }

    /** Refuses new chats from now on and closes the open ones with {@code reason}; returns how many it closed. */
    int closeAll(CloseReason reason) {
        closing = true;
        List<Session> sessions = List.copyOf(open);
        for (Session session : sessions) {
            try {
                if (session.isOpen()) {
                    session.close(reason);
                }
            } catch (IOException | RuntimeException e) {
                // the connection is already gone; nothing left to tell this visitor
            }
        }
        return sessions.size();
    }
}
