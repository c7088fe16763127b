package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.chatbot.server.ServerConfig;

/**
 * Connect and disconnect, over and over, in every way a visitor's browser (or a script) leaves: a clean close
 * handshake, a cut connection, a cut in the middle of a frame, a question and then a close, a refused origin. After
 * it, the open chats are back to none, and neither the thread count nor the heap after a full collection has grown
 * beyond a small slack (both read through JMX, with the server in this JVM).
 *
 * <p>{@code mvn -B verify} runs 500 cycles; {@code -Dhardening.cycles=10000} runs the full size. The figures are
 * printed with a {@code [hardening]} prefix.
 */
class ConnectionCyclesIT {

    /** The number of cycles; the full size is 10,000. */
    static final int CYCLES = Integer.getInteger("hardening.cycles", 500);

    /** Threads may come and go around the edges (JIT compiler threads, Tyrus's scheduler filling its pool). */
    static final int THREAD_SLACK = 4;

    @Test
    void connectingAndLeavingOverAndOverLeavesNoChatsThreadsOrHeapBehind() throws Exception {
        try (ChatServer server = TestServers.start(ServerConfig.builder().port(0)
                .build(), Chats.clinicProfile())) {
            // warm up: lazily created pools and caches (Tyrus's scheduler makes up to ten threads) are not a leak
            int warmUp = 1000;
            for (int i = 0; i < warmUp; i++) {
                cycle(server, i);
            }
            Chats.awaitOpenChats(server, 0);
            Chats.quiesce();
            int threadsBefore = Chats.threads();
            long heapBefore = Chats.heapAfterGc();

            long begin = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                cycle(server, i);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;

            Chats.awaitOpenChats(server, 0);
            int threadsAfter = Chats.settled(Chats::threads, threadsBefore);
            long heapAfter = Chats.heapAfterGc();
            long heapGrowth = heapAfter - heapBefore;
            System.out.printf(Locale.ROOT, "[hardening] %,d connect/disconnect cycles in %.1f s (%.0f per second): "
                            + "open chats %d; threads %d before, %d after; heap after GC %.1f MB before, %.1f MB "
                            + "after (%+.1f MB)%n", CYCLES, seconds, CYCLES / seconds, server.openChats(),
                    threadsBefore, threadsAfter, heapBefore / 1048576.0, heapAfter / 1048576.0,
                    heapGrowth / 1048576.0);

            assertEquals(0, server.openChats());
            assertTrue(threadsAfter <= threadsBefore + THREAD_SLACK,
                    "threads grew from " + threadsBefore + " to " + threadsAfter);
            // a leak of even 1 KB per chat would show: 10 MB at the full size
            assertTrue(heapGrowth < 8L << 20, "heap grew by " + heapGrowth / 1024 + " KB");

            try (RawWebSocket ws = Chats.welcomed(server)) {
                Chats.assertAnswersTheCostQuestion(ws);
            }
        }
    }

    /** One visitor, who leaves in one of six ways. */
    private static void cycle(ChatServer server, int i) throws IOException {
        switch (i % 6) {
            case 0 -> { // a clean close handshake
                try (RawWebSocket ws = Chats.welcomed(server)) {
                    ws.sendClose(1000);
                    assertEquals(1000, ws.awaitClose());
                }
            }
            case 1 -> { // the tab is closed: the connection is cut, with a reset
                RawWebSocket ws = Chats.welcomed(server);
                ws.socket().setSoLinger(true, 0);
                ws.close();
            }
            case 2 -> { // a question and its answer, then the connection ends without a close frame
                try (RawWebSocket ws = Chats.welcomed(server)) {
                    Chats.assertAnswersTheCostQuestion(ws);
                }
            }
            case 3 -> { // cut in the middle of a frame
                try (RawWebSocket ws = Chats.welcomed(server)) {
                    byte[] frame = RawWebSocket.frame(true, RawWebSocket.OP_TEXT,
                            ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION).getBytes(StandardCharsets.UTF_8),
                            true);
                    ws.sendRaw(java.util.Arrays.copyOf(frame, frame.length / 2));
                }
            }
            case 4 -> { // the handshake is the last thing sent: no welcome read, then gone
                RawWebSocket.handshake(server.chatUri(), Chats.origin(server), 0).close();
            }
            default -> { // a page on another site tries: refused before any chat opens
                try (RawWebSocket refused = RawWebSocket.handshake(server.chatUri(), "https://evil.example", 0)) {
                    assertEquals(403, refused.status());
                }
            }
        }
    }
}
