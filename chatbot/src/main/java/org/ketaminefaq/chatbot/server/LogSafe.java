package org.ketaminefaq.chatbot.server;

/**
 * Makes exceptions fit for the log. An exception's message may quote what a visitor typed (Jackson's parse errors
 * do, and so may any library's), so a logged exception keeps its class and stack trace, which say where it failed,
 * and loses every message.
 */
final class LogSafe {

    private LogSafe() {
    }

    /** A copy of {@code t} and its causes with each message replaced by the exception's class name. */
    static Throwable redact(Throwable t) {
        return redact(t, 0);
    }

    private static Throwable redact(Throwable t, int depth) {
        Throwable cause = t.getCause() != null && t.getCause() != t && depth < 8
                ? redact(t.getCause(), depth + 1) : null;
        Redacted copy = new Redacted(t.getClass().getName(), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for a logged exception; its message is the original's class name only. */
    static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Redacted(String originalClass, Throwable cause) {
            super(originalClass, cause, false, true);
        }
    }
}
