package org.ketaminefaq.chatbot.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log record of this JVM, at every level, while a test drives the server: for the tests that show that
 * nothing a visitor types reaches a log, whatever level an operator turns on. The JDK's HTTP client stands in for
 * the visitor's browser and logs the URLs it sends at FINE: that is the visitor's side, in this JVM only because the
 * test runs both sides (the server never uses it), so its debug logger stays off.
 */
public final class LogCapture {

    private LogCapture() {
    }

    /** What a test does while the records are captured. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    /** What the action returned and the records logged meanwhile. */
    public record Captured<T>(T result, List<LogRecord> records) {

        /** Whether the server's FINE records were captured: a capture without them proves nothing. */
        public boolean sawServerDetail() {
            return records.stream().anyMatch(r -> r.getLevel().intValue() <= Level.FINE.intValue()
                    && r.getLoggerName() != null && r.getLoggerName().startsWith("org.ketaminefaq.chatbot.server"));
        }

        /**
         * The records whose message, formatted text, parameters or exceptions {@code leaks} accepts, as "logger
         * level: message".
         */
        public List<String> recordsWhere(Predicate<String> leaks) {
            SimpleFormatter formatter = new SimpleFormatter();
            List<String> found = new ArrayList<>();
            for (LogRecord record : records) {
                StringBuilder text = new StringBuilder(String.valueOf(record.getMessage())).append('\n')
                        .append(formatter.format(record));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append('\n').append(parameter);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    text.append('\n').append(t).append(t.getMessage());
                }
                if (leaks.test(text.toString())) {
                    found.add(record.getLoggerName() + " " + record.getLevel() + ": " + record.getMessage());
                }
            }
            return found;
        }
    }

    /** Runs {@code action} with the root logger and its handlers at ALL, and puts every level back afterwards. */
    public static <T> Captured<T> during(Action<T> action) throws Exception {
        Logger root = LogManager.getLogManager().getLogger("");
        Level rootLevel = root.getLevel();
        Map<Handler, Level> handlerLevels = new HashMap<>();
        for (Handler handler : root.getHandlers()) {
            handlerLevels.put(handler, handler.getLevel());
            handler.setLevel(Level.ALL);
        }
        Recorder capture = new Recorder();
        Logger browser = Logger.getLogger("jdk.internal.httpclient.debug");
        Level browserLevel = browser.getLevel();
        browser.setLevel(Level.OFF);
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            T result = action.run();
            return new Captured<>(result, capture.all());
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
            browser.setLevel(browserLevel);
            handlerLevels.forEach(Handler::setLevel);
        }
    }

    /** A handler that keeps every record it is given, at every level; safe to publish to from any thread. */
    public static final class Recorder extends Handler {
        private final LinkedBlockingQueue<LogRecord> records = new LinkedBlockingQueue<>();

        public Recorder() {
            setLevel(Level.ALL);
        }

        /** The records kept so far, oldest first. */
        public List<LogRecord> all() {
            return List.copyOf(records);
        }

        /** Takes the oldest record kept, waiting up to {@code timeout} for one; empty when none came. */
        public Optional<LogRecord> next(Duration timeout) throws InterruptedException {
            return Optional.ofNullable(records.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
