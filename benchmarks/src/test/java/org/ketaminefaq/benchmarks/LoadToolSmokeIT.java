package org.ketaminefaq.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.ServerConfig;
import picocli.CommandLine;

/**
 * A small run of the load tool against a real chat server and a real echo server in this JVM, so that the tool keeps
 * working and the server keeps answering every message, in order, under concurrent sessions. No timing is asserted:
 * figures come from {@code benchmarks/run-all} on a quiet machine, not from a test.
 */
class LoadToolSmokeIT {

    private static final int SESSIONS = 50;
    private static final int MESSAGES = 5;

    @Test
    void fiftySessionsOfFiveMessagesAreAllAnsweredInOrder() throws Exception {
        try (ChatServer chat = ChatServer.start(ServerConfig.builder().port(0).build());
             EchoServer echo = EchoServer.start("127.0.0.1", 0)) {
            LoadTool tool = new LoadTool();
            int exit = new CommandLine(tool).execute("--url", chat.chatUri().toString(),
                    "--echo-url", echo.uri().toString(), "--sessions", Integer.toString(SESSIONS),
                    "--messages", Integer.toString(MESSAGES), "--warmup-rounds", "0", "--rounds", "A", "B");

            LoadReport report = tool.report();
            assertEquals(List.of("chat", "echo"), report.rounds().stream().map(RoundResult::target).toList());
            for (RoundResult round : report.rounds()) {
                String what = round.summary();
                assertEquals(SESSIONS, round.connected(), what);
                assertEquals((long) SESSIONS * MESSAGES, round.sent(), what);
                assertEquals((long) SESSIONS * MESSAGES, round.answered(), what);
                assertEquals(0, round.lost(), what);
                assertEquals(0, round.outOfOrder(), what);
                assertEquals(Map.of(), round.errors(), what);
                assertEquals(0, round.closedEarly(), what);
                assertEquals((long) SESSIONS * MESSAGES, round.latency().count(), what);
            }
            assertTrue(report.clean());
            assertEquals(0, exit);
        }
    }
}
