package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void keepsClassesAndStackTracesAndDropsEveryMessage() {
        IllegalStateException cause = new IllegalStateException("the visitor typed: secret");
        RuntimeException thrown = new RuntimeException("wrapping secret", cause);

        Throwable safe = LogSafe.redact(thrown);

        assertEquals(RuntimeException.class.getName(), safe.getMessage());
        assertArrayEquals(thrown.getStackTrace(), safe.getStackTrace());
        assertEquals(IllegalStateException.class.getName(), safe.getCause().getMessage());
        assertEquals(cause.getStackTrace().length, safe.getCause().getStackTrace().length);
    }
}
