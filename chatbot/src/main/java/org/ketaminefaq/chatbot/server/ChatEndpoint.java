package org.ketaminefaq.chatbot.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ketaminefaq.chatbot.dialogue.ChatSession;
import org.ketaminefaq.chatbot.dialogue.ConversationState;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.dialogue.Reply;

/**
 * The WebSocket endpoint at {@code /chat}: a thin adapter between frames and the dialogue. Each WebSocket session
 * gets its own {@link ChatSession}, kept in the session's user properties; each text frame is decoded, handed to it,
 * and answered with exactly one reply, in order. Replies are computed on the dialogue's worker pool, never on
 * Grizzly's selector threads: recognising a message runs a neural model for milliseconds, and a selector thread that
 * waits for it would hold up every other chat it serves.
 *
 * <p>Privacy: nothing here logs what a visitor sent or what the bot answered; the log gets reply types, intents,
 * close codes, counts and timings.
 */
public final class ChatEndpoint extends Endpoint {

    /** The user property that holds a session's conversation. */
    static final String CONVERSATION = ChatEndpoint.class.getName() + ".conversation";

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    private final String clinicId;
    private final DialogueEngine engine;
    private final ServerConfig config;
    private final OpenSessions sessions;
    private final Executor dialogue;
    private final ResumeTokens resumeTokens;
    private final ChatMetrics metrics;

    /**
     * A chat of clinic {@code clinicId}, whose resume tokens are bound to that id.
     */
    ChatEndpoint(String clinicId, DialogueEngine engine, ServerConfig config, OpenSessions sessions,
                 Executor dialogue, ResumeTokens resumeTokens, ChatMetrics metrics) {
        this.clinicId = Objects.requireNonNull(clinicId, "clinicId");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.resumeTokens = Objects.requireNonNull(resumeTokens, "resumeTokens");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.config = Objects.requireNonNull(config, "config");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.dialogue = Objects.requireNonNull(dialogue, "dialogue");
    }

    @Override
    public void onOpen(Session session, EndpointConfig endpointConfig) {
        if (!sessions.tryAdmit(session)) {
            if (sessions.closing()) {
                close(session, CloseCodes.GOING_AWAY, "The chat server is stopping.");
            } else {
                LOG.log(Level.WARNING, "Refused a chat: {0} chats are open, the most allowed", sessions.count());
                metrics.refused("too_many_chats");
                close(session, CloseCodes.TRY_AGAIN_LATER, "Too many chats right now. Please try again later.");
            }
            return;
        }
        // the idle timeout and the message buffer sizes are the container's defaults (see ChatContainer)
        Conversation conversation = new Conversation(session, engine.newSession(),
                RateLimiter.create(config.messagesPerSecond(), config.messageBurst()), dialogue);
        session.getUserProperties().put(CONVERSATION, conversation);
        metrics.opened();
        // the two-argument form: Tyrus cannot read the message type of a lambda from its erased generic interface
        session.addMessageHandler(String.class, text -> onText(session, conversation, text));
        session.addMessageHandler(ByteBuffer.class, bytes ->
                close(session, CloseCodes.CANNOT_ACCEPT, "This chat takes text frames only."));
        LOG.log(Level.FINE, "Chat opened; {0} open", sessions.count());

        long start = System.nanoTime();
        conversation.then(() -> answer(session, conversation, () -> conversation.chat().start(), start), false);
    }

    private void onText(Session session, Conversation conversation, String text) {
        long start = System.nanoTime();
        // FrameSizeGuard refuses big frames; this catches a message sent in fragments that is too big as UTF-8
        if (utf8Length(text) > config.maxFrameBytes()) {
            close(session, CloseCodes.TOO_BIG, "Frames are limited to " + config.maxFrameBytes() + " bytes.");
            return;
        }
        if (!conversation.limiter().tryAcquire()) {
            // over the rate: the frame is not even decoded, and still gets its one reply, in its turn
            metrics.rateLimited();
            conversation.then(() -> answer(session, conversation, () -> engine.error(Reply.ErrorCode.RATE_LIMITED),
                    start), false);
            return;
        }
        ClientFrame frame = ProtocolCodec.decode(text);
        boolean message = frame instanceof ClientFrame.Message;
        if (message) {
            metrics.message();
        }
        if (message && conversation.messagesWaiting() >= config.maxWaitingMessages()) {
            // a client that sends faster than it is answered, with no rate limit to stop it: its queue would grow
            // without bound
            LOG.log(Level.WARNING, "Closed a chat with {0} messages waiting for an answer",
                    conversation.messagesWaiting());
            close(session, CloseCodes.TRY_AGAIN_LATER, "Too many messages are waiting for an answer.");
            return;
        }
        conversation.then(() -> answer(session, conversation, () -> replyTo(frame, conversation.chat()), start),
                message);
    }

    private Reply replyTo(ClientFrame frame, ChatSession chat) {
        if (frame instanceof ClientFrame.Message message) {
            return chat.message(message.text());
        } else if (frame instanceof ClientFrame.Reset) {
            return chat.reset();
        } else if (frame instanceof ClientFrame.Resume resume) {
            Optional<ConversationState> state = resumeTokens.read(clinicId, resume.token(), Instant.now());
            if (state.isEmpty()) {
                chat.reset();
                return engine.error(Reply.ErrorCode.BAD_RESUME);
            }
            chat.resume(state.get());
            return new Reply.Resumed();
        } else if (frame instanceof ClientFrame.Invalid invalid) {
            return engine.error(invalid.code());
        }
        throw new IllegalStateException("unhandled frame type " + frame.getClass().getName());
    }

    /** Computes one reply and sends it; a failure of the dialogue closes the chat, since no reply would be honest. */
    private void answer(Session session, Conversation conversation, ReplySource source, long start) {
        Reply reply;
        try {
            reply = source.reply();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The dialogue failed; closing the chat", LogSafe.redact(e));
            close(session, CloseCodes.UNEXPECTED_CONDITION, "Sorry, something went wrong on our side.");
            return;
        }
        // every reply carries the conversation's state, encrypted, so that a new connection can go on from it
        send(session, ProtocolCodec.encode(reply,
                resumeTokens.issue(clinicId, conversation.chat().state(), Instant.now())));
        metrics.replied(reply, System.nanoTime() - start);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Replied {0} in {1} ms", new Object[] {describe(reply),
                    (System.nanoTime() - start) / 1_000_000});
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        sessions.release(session);
        // the conversation holds the visitor's screening answers: let it go with the connection
        if (session.getUserProperties().remove(CONVERSATION) != null) {
            metrics.closed();
        }
        LOG.log(Level.FINE, "Chat closed with code {0}; {1} open",
                new Object[] {closeReason.getCloseCode().getCode(), sessions.count()});
    }

    @Override
    public void onError(Session session, Throwable error) {
        // only the class: an exception's message may quote what the visitor sent
        LOG.log(Level.FINE, "Chat connection error: {0}", error.getClass().getName());
    }

    /**
     * Hands a reply to Tyrus without waiting for the client to take it. A blocking send waits as long as the client
     * does not read, with no time limit, and holds one of the server's few selector threads meanwhile: a handful
     * of clients that never read would stop every chat. Replies still go out in the order they are sent, since each
     * chat's replies are computed and sent one at a time, in turn; what a client leaves unread is bounded by
     * {@link SlowReaderGuard}.
     */
    private static void send(Session session, String json) {
        try {
            session.getAsyncRemote().sendText(json, result -> {
                if (!result.isOK()) {
                    // the visitor left while we answered
                    LOG.log(Level.FINE, "Could not send a reply: {0}", result.getException().getClass().getName());
                }
            });
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "Could not send a reply: {0}", e.getClass().getName());
        }
    }

    private static void close(Session session, CloseCodes code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Could not close a chat: {0}", e.getClass().getName());
        }
    }

    /** The UTF-8 size of well-formed text, without encoding it. */
    static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** What the log may say about a reply: its type, and its intent or error code. */
    private static String describe(Reply reply) {
        if (reply instanceof Reply.AnswerReply a) {
            return "answer/" + a.intent().id();
        } else if (reply instanceof Reply.Error e) {
            return "error/" + e.code().id();
        }
        return reply.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @FunctionalInterface
    private interface ReplySource {
        Reply reply();
    }

    /**
     * One visitor's conversation and rate limit, and the queue that keeps its replies in order: its tasks run on the
     * dialogue's pool one after the other, never two at once. After each task the conversation goes to the back of
     * the pool's line, so a chat with many messages waiting takes its turn with the others instead of before them.
     */
    private static final class Conversation {
        private final Session session;
        private final ChatSession chat;
        private final RateLimiter limiter;
        private final Executor dialogue;
        private final ArrayDeque<Task> pending = new ArrayDeque<>();
        private boolean running;
        private int messagesWaiting;

        /** A reply to compute and send; {@code message} when it is a visitor's message, which costs recognition. */
        private record Task(Runnable reply, boolean message) {
        }

        Conversation(Session session, ChatSession chat, RateLimiter limiter, Executor dialogue) {
            this.session = session;
            this.chat = chat;
            this.limiter = limiter;
            this.dialogue = dialogue;
        }

        ChatSession chat() {
            return chat;
        }

        RateLimiter limiter() {
            return limiter;
        }

        /** How many of the visitor's messages wait for an answer, the one being answered included. */
        synchronized int messagesWaiting() {
            return messagesWaiting;
        }

        /** Runs {@code reply} after every task queued before it; {@code message} when it answers a message. */
        void then(Runnable reply, boolean message) {
            synchronized (this) {
                pending.add(new Task(reply, message));
                if (message) {
                    messagesWaiting++;
                }
                if (running) {
                    return;
                }
                running = true;
            }
            schedule();
        }

        private void schedule() {
            try {
                dialogue.execute(this::runNext);
            } catch (RejectedExecutionException e) {
                // only when the server is stopping: the chat is being closed with 1001 anyway
                synchronized (this) {
                    pending.clear();
                    messagesWaiting = 0;
                    running = false;
                }
            }
        }

        private void runNext() {
            Task next;
            synchronized (this) {
                next = pending.poll();
            }
            try {
                // a chat that was closed meanwhile needs no more answers
                if (next != null && session.isOpen()) {
                    next.reply().run();
                }
            } catch (RuntimeException e) {
                // answer() already turns a failed reply into a closed chat; this is a failure around it
                LOG.log(Level.SEVERE, "A chat task failed", LogSafe.redact(e));
            } finally {
                synchronized (this) {
                    if (next != null && next.message()) {
                        messagesWaiting--;
                    }
                    if (pending.isEmpty() || !session.isOpen()) {
                        pending.clear();
                        messagesWaiting = 0;
                        running = false;
                        return;
                    }
                }
                schedule();
            }
        }
    }
}
