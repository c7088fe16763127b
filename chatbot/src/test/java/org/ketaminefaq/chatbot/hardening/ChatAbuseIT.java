package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.chatbot.server.TestServers;
import org.ketaminefaq.chatbot.server.ServerConfig;

/**
 * Abuse of the chat WebSocket on loopback, with a hand-made client ({@link RawWebSocket}): frames over the limit,
 * binary frames, invalid UTF-8 and other protocol violations, a burst of a thousand messages, clients that never
 * read, idle and half-open connections, and the session limit. Each closes the offender with its documented code
 * (or limits it) and leaves the server answering everyone else.
 */
class ChatAbuseIT {

    private static final int LIMIT = ServerConfig.DEFAULT_MAX_FRAME_BYTES;

    private static ChatServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.start(ServerConfig.builder().port(0).build()); // the default limits
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- frames ----

    @Test
    void aFrameThatDeclaresMoreThanTheLimitIsClosedWith1009BeforeItsPayloadIsSent() throws Exception {
        // only the header is sent: the server must not wait for, nor make room for, what it announces
        long[] lengths = {LIMIT + 1, 65_535, 1L << 31, Long.MAX_VALUE, -1L};
        for (long length : lengths) {
            try (RawWebSocket ws = Chats.welcomed(server)) {
                ws.sendRaw(header(RawWebSocket.OP_TEXT, length));
                assertEquals(1009, ws.awaitClose(), "a header announcing " + Long.toUnsignedString(length));
            }
        }
        try (RawWebSocket ws = Chats.welcomed(server)) {
            Chats.assertAnswersTheCostQuestion(ws);
        }
    }

    @Test
    void aMessageOverTheLimitInFragmentsIsClosedWith1009AndOneAtTheLimitIsRead() throws Exception {
        try (RawWebSocket ws = Chats.welcomed(server)) {
            String head = "{\"type\":\"message\",\"text\":\"";
            byte[] atLimit = (head + "a".repeat(LIMIT - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
            assertEquals(LIMIT, atLimit.length);
            ws.sendFrame(true, RawWebSocket.OP_TEXT, atLimit);
            assertEquals("too_long", Chats.JSON.readTree(ws.nextText()).get("code").asText());

            // 17 fragments of 1 KB: each small, together over the limit
            ws.sendFrame(false, RawWebSocket.OP_TEXT, head.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 17; i++) {
                ws.sendFrame(false, RawWebSocket.OP_CONTINUATION, "é".repeat(512).getBytes(StandardCharsets.UTF_8));
            }
            ws.sendFrame(true, RawWebSocket.OP_CONTINUATION, "\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(1009, ws.awaitClose());
        }
    }

    @Test
    void binaryFramesAreClosedWith1003() throws Exception {
        try (RawWebSocket ws = Chats.welcomed(server)) {
            ws.sendFrame(true, RawWebSocket.OP_BINARY, "{\"type\":\"reset\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(1003, ws.awaitClose());
        }
        try (RawWebSocket ws = Chats.welcomed(server)) {
            ws.sendFrame(false, RawWebSocket.OP_BINARY, new byte[] {1, 2});
            ws.sendFrame(true, RawWebSocket.OP_CONTINUATION, new byte[] {3});
            assertEquals(1003, ws.awaitClose(), "a binary message in fragments");
        }
    }

    @Test
    void invalidUtf8IsClosedWith1007WhileACharacterSplitAcrossFragmentsIsRead() throws Exception {
        byte[] start = "{\"type\":\"message\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[][] invalid = {
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
        for (byte[] bad : invalid) {
            try (RawWebSocket ws = Chats.welcomed(server)) {
                ws.sendFrame(true, RawWebSocket.OP_TEXT, concat(start, bad, "\"}".getBytes(StandardCharsets.UTF_8)));
                assertEquals(1007, ws.awaitClose(), "bytes " + java.util.Arrays.toString(bad));
            }
        }
        try (RawWebSocket ws = Chats.welcomed(server)) {
            // a valid start, then a fragment that goes on with a byte no character can start with
            ws.sendFrame(false, RawWebSocket.OP_TEXT, concat(start, new byte[] {(byte) 0xE2, (byte) 0x82}));
            ws.sendFrame(true, RawWebSocket.OP_CONTINUATION, new byte[] {'"', '}'});
            assertEquals(1007, ws.awaitClose(), "a character cut short by the next fragment");
        }
        try (RawWebSocket ws = Chats.welcomed(server)) {
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // three bytes, split 2 + 1
            ws.sendFrame(false, RawWebSocket.OP_TEXT, concat(start, new byte[] {euro[0], euro[1]}));
            ws.sendFrame(true, RawWebSocket.OP_CONTINUATION, concat(new byte[] {euro[2]},
                    " how much does ketamine cost?\"}".getBytes(StandardCharsets.UTF_8)));
            assertEquals("cost", Chats.JSON.readTree(ws.nextText()).get("intent").asText());
        }
    }

    @Test
    void protocolViolationsAreClosedWith1002() throws Exception {
        List<byte[][]> violations = List.of(
                new byte[][] {RawWebSocket.frame(true, 0x3, new byte[0], true)},                 // reserved opcode
                new byte[][] {RawWebSocket.frame(true, 0xB, new byte[0], true)},                 // reserved control
                new byte[][] {RawWebSocket.frame(true, 0x40 | RawWebSocket.OP_TEXT, "{}".getBytes(), true)}, // RSV1
                new byte[][] {RawWebSocket.frame(true, RawWebSocket.OP_CONTINUATION, "{}".getBytes(), true)},
                new byte[][] {RawWebSocket.frame(false, RawWebSocket.OP_PING, new byte[0], true)}, // fragmented ping
                new byte[][] {RawWebSocket.frame(true, RawWebSocket.OP_PING, new byte[126], true)}, // ping > 125
                new byte[][] {RawWebSocket.frame(false, RawWebSocket.OP_TEXT, "{".getBytes(), true),
                    RawWebSocket.frame(true, RawWebSocket.OP_TEXT, "{}".getBytes(), true)},    // new message mid-way
                new byte[][] {RawWebSocket.frame(true, RawWebSocket.OP_CLOSE, new byte[] {0x03, (byte) 0xF5}, true)});
        for (byte[][] frames : violations) {
            try (RawWebSocket ws = Chats.welcomed(server)) {
                for (byte[] frame : frames) {
                    ws.sendRaw(frame);
                }
                assertEquals(1002, ws.awaitClose());
            }
        }
        try (RawWebSocket ws = Chats.welcomed(server)) {
            Chats.assertAnswersTheCostQuestion(ws);
        }
        Chats.awaitOpenChats(server, 0);
    }

    // ---- a burst ----

    @Test
    void aBurstOfAThousandMessagesIsRateLimitedWhileOtherChatsKeepTheirLatency() throws Exception {
        int others = 4;
        int questions = ServerConfig.DEFAULT_MESSAGE_BURST - 2; // within their own burst: never rate limited
        ExecutorService pool = Executors.newFixedThreadPool(others + 1);
        try {
            otherChatsLatencies(pool, others, questions, () -> { }); // warm-up: the baseline is the normal pace
            List<Sample> baseline = otherChatsLatencies(pool, others, questions, () -> { });

            int burst = 1000;
            RawWebSocket flooder = Chats.welcomed(server);
            byte[] frames = repeat(RawWebSocket.frame(true, RawWebSocket.OP_TEXT,
                    ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION).getBytes(StandardCharsets.UTF_8), true),
                    burst);
            long[] floodEnd = new long[1];
            long floodStart = System.nanoTime();
            Future<List<JsonNode>> floodReplies = pool.submit(() -> {
                List<JsonNode> replies = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    replies.add(Chats.JSON.readTree(flooder.nextText()));
                }
                floodEnd[0] = System.nanoTime();
                return replies;
            });
            // the other chats, already open, start asking as the thousand frames go out in one write
            List<Sample> during = otherChatsLatencies(pool, others, questions, () -> flooder.sendRaw(frames));
            List<JsonNode> replies = floodReplies.get(60, TimeUnit.SECONDS);
            double floodSeconds = (floodEnd[0] - floodStart) / 1e9;

            int answered = 0;
            int limited = 0;
            for (JsonNode reply : replies) {
                if (reply.path("code").asText().equals("rate_limited")) {
                    limited++;
                } else {
                    assertEquals("cost", reply.path("intent").asText(), reply.toString());
                    answered++;
                }
            }
            assertEquals(burst, answered + limited, "exactly one reply per frame");
            double allowed = ServerConfig.DEFAULT_MESSAGE_BURST
                    + ServerConfig.DEFAULT_MESSAGES_PER_SECOND * floodSeconds;
            assertTrue(answered <= allowed + 1, answered + " answered in " + floodSeconds + " s, allowed " + allowed);
            flooder.sendClose(1000);
            int[] extra = new int[1];
            assertEquals(1000, flooder.awaitClose(extra));
            assertEquals(0, extra[0], "no reply beyond one per frame");
            flooder.close();

            long baseP99 = Chats.percentile(baseline.stream().map(Sample::nanos).toList(), 99);
            long floodP99 = Chats.percentile(during.stream().map(Sample::nanos).toList(), 99);
            long overlapping = during.stream().filter(sample -> sample.start() < floodEnd[0]).count();
            long bound = Math.max(10 * baseP99, Duration.ofMillis(500).toNanos());
            System.out.printf(Locale.ROOT, "[hardening] burst of %d frames on one chat: %d answered, %d rate_limited, "
                            + "the last reply after %.0f ms; other chats' p99 latency %.1f ms before, %.1f ms during "
                            + "(%d of %d questions asked before the burst's last reply; bound %.0f ms)%n",
                    burst, answered, limited, floodSeconds * 1000, Chats.millis(baseP99), Chats.millis(floodP99),
                    overlapping, during.size(), Chats.millis(bound));
            assertTrue(floodP99 < bound, "p99 during the burst " + Chats.millis(floodP99) + " ms, baseline "
                    + Chats.millis(baseP99) + " ms");
        } finally {
            pool.shutdownNow();
        }
        Chats.awaitOpenChats(server, 0);
    }

    @Test
    void aFloodOfTinyFramesLeavesNothingBehindInTheHeap() throws Exception {
        // Regression: Tyrus restarts a chat's idle timer on every frame in and out, and its scheduler kept each
        // cancelled timer for the whole idle timeout (5 minutes): about 160 bytes per frame, 32 MB per 200,000.
        int frames = 200_000;
        Chats.quiesce();
        long heapBefore = Chats.heapAfterGc();
        RawWebSocket flooder = Chats.welcomed(server);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            byte[] tiny = repeat(RawWebSocket.frame(true, RawWebSocket.OP_TEXT, new byte[] {'x'}, true), 1000);
            Future<Integer> reading = reader.submit(() -> {
                for (int i = 0; i < frames; i++) {
                    flooder.nextText();
                }
                return frames;
            });
            long begin = System.nanoTime();
            for (int sent = 0; sent < frames; sent += 1000) {
                flooder.sendRaw(tiny);
            }
            assertEquals(frames, reading.get(120, TimeUnit.SECONDS), "one reply per frame");
            double seconds = (System.nanoTime() - begin) / 1e9;
            flooder.sendClose(1000);
            assertEquals(1000, flooder.awaitClose());
            Chats.awaitOpenChats(server, 0);
            long heapAfter = Chats.heapAfterGc();
            System.out.printf(Locale.ROOT, "[hardening] %,d tiny frames on one chat answered in %.1f s; heap after GC "
                    + "%d MB before, %d MB after%n", frames, seconds, heapBefore >> 20, heapAfter >> 20);
            assertTrue(heapAfter - heapBefore < 12L << 20, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
        } finally {
            reader.shutdownNow();
            flooder.close();
        }
    }

    /** One question's round trip, and when it was asked. */
    private record Sample(long start, long nanos) {
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /**
     * Opens {@code chats} chats, then has each ask {@code questions} questions in turn, all chats at once, starting as
     * {@code atStart} runs; returns every round trip.
     */
    private static List<Sample> otherChatsLatencies(ExecutorService pool, int chats, int questions, IoAction atStart)
            throws Exception {
        List<RawWebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < chats; i++) {
                sockets.add(Chats.welcomed(server));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Sample>>> askers = new ArrayList<>();
            for (RawWebSocket ws : sockets) {
                askers.add(pool.submit(() -> {
                    go.await();
                    List<Sample> samples = new ArrayList<>();
                    for (int q = 0; q < questions; q++) {
                        long begin = System.nanoTime();
                        Chats.assertAnswersTheCostQuestion(ws);
                        samples.add(new Sample(begin, System.nanoTime() - begin));
                    }
                    return samples;
                }));
            }
            go.countDown();
            atStart.run();
            List<Sample> all = new ArrayList<>();
            for (Future<List<Sample>> asker : askers) {
                all.addAll(asker.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            for (RawWebSocket ws : sockets) {
                ws.close();
            }
        }
    }

    // ---- clients that never read ----

    @Test
    void clientsThatNeverReadAreCutOffWhileOtherChatsAreServedAndMemoryStaysBounded() throws Exception {
        // no rate limit here, so that every frame costs the server a full answer: the most a client can make it send
        try (ChatServer open = TestServers.start(ServerConfig.builder().port(0).messagesPerSecond(1_000_000)
                .messageBurst(1_000_000).build())) {
            Chats.quiesce();
            long heapBefore = Chats.heapAfterGc();
            // more such clients than Grizzly has selector threads (one per core): a blocking send would stop the server
            int sinks = 2 * Runtime.getRuntime().availableProcessors() + 4;
            int framesEach = 30_000; // 30,000 answers of 1.2 KB: 36 MB each, were they kept
            byte[] batch = repeat(RawWebSocket.frame(true, RawWebSocket.OP_TEXT,
                    ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION).getBytes(StandardCharsets.UTF_8), true),
                    100);
            List<RawWebSocket> never = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(sinks);
            AtomicInteger cutOff = new AtomicInteger();
            AtomicInteger framesSent = new AtomicInteger();
            List<Future<?>> writing = new ArrayList<>();
            long attack = System.nanoTime();
            try {
                for (int i = 0; i < sinks; i++) {
                    RawWebSocket ws = RawWebSocket.handshake(open.chatUri(), Chats.origin(open), 4096);
                    assertEquals(101, ws.status());
                    never.add(ws);
                    writing.add(writers.submit(() -> {
                        try {
                            for (int sent = 0; sent < framesEach; sent += 100) {
                                ws.sendRaw(batch);
                                framesSent.addAndGet(100);
                            }
                        } catch (IOException e) {
                            cutOff.incrementAndGet(); // the server cut the connection: what this test wants
                        }
                        return null;
                    }));
                }

                // meanwhile, a visitor who reads is answered
                long worst = 0;
                try (RawWebSocket visitor = Chats.welcomed(open)) {
                    // served, if slowly on a busy machine; before the fix, never
                    visitor.readTimeout(Duration.ofSeconds(10));
                    for (int q = 0; q < 10; q++) {
                        long begin = System.nanoTime();
                        Chats.assertAnswersTheCostQuestion(visitor);
                        worst = Math.max(worst, System.nanoTime() - begin);
                        Thread.sleep(200);
                    }
                    for (Future<?> w : writing) {
                        w.get(90, TimeUnit.SECONDS);
                    }
                    long heapDuring = Chats.heapAfterGc();
                    Chats.assertAnswersTheCostQuestion(visitor);
                    assertTrue(heapDuring - heapBefore < 64L << 20, "heap grew by " + ((heapDuring - heapBefore) >> 20)
                            + " MB");
                    for (RawWebSocket ws : never) {
                        // what the kernel still holds for it comes out, then the end: the server ended the connection
                        ws.readTimeout(Duration.ofSeconds(30));
                        assertTrue(ws.awaitEndOfStream(), "the server must end a connection it stopped serving");
                    }
                    Chats.awaitOpenChats(open, 1);
                    System.out.printf(Locale.ROOT, "[hardening] %d clients that never read (%d frames in all, %d "
                                    + "writes refused): all cut off in %.1f s; the visitor's slowest answer meanwhile "
                                    + "%.1f ms; heap after GC %d MB before, %d MB with them connected%n",
                            sinks, framesSent.get(), cutOff.get(), (System.nanoTime() - attack) / 1e9,
                            Chats.millis(worst), heapBefore >> 20, heapDuring >> 20);
                }
            } finally {
                writers.shutdownNow();
                for (RawWebSocket ws : never) {
                    ws.close();
                }
            }
        }
    }

    @Test
    void theUnreadLimitsAnOperatorSetsDecideWhenAClientThatStoppedReadingIsCutOff() throws Exception {
        // long enough that the idle timeout, and the 30 s default stall, play no part within the waits below
        Duration minutes = Duration.ofMinutes(5);
        int room = 64 << 20; // far more than the answers to the burst below

        // the default byte limit: the burst's answers go over it, and the client is cut off
        try (ChatServer defaults = TestServers.start(noRateLimit(minutes).maxUnreadStall(minutes).build());
             RawWebSocket sink = burstThenSilence(defaults)) {
            Chats.awaitOpenChats(defaults, 0, Duration.ofMinutes(1));
        }
        // room for all of them and no stall limit in reach: the same client stays
        try (ChatServer roomy = TestServers.start(noRateLimit(minutes).maxUnreadReplyBytes(room)
                .maxUnreadStall(minutes).build()); RawWebSocket sink = burstThenSilence(roomy)) {
            Thread.sleep(3000); // time to answer the burst; a wait, not a timing assertion
            assertEquals(1, roomy.openChats(), "a client within both limits was cut off");
        }
        // room for all of them, but a stall limit of 1 s: cut off once its answers have waited that long
        try (ChatServer stalls = TestServers.start(noRateLimit(minutes).maxUnreadReplyBytes(room)
                .maxUnreadStall(Duration.ofSeconds(1)).build()); RawWebSocket sink = burstThenSilence(stalls)) {
            Chats.awaitOpenChats(stalls, 0, Duration.ofMinutes(1));
        }
    }

    /**
     * Every frame answered in full, so that a burst costs the server all its answers, and room for all of them to
     * wait: the unread-reply limits alone decide.
     */
    private static ServerConfig.Builder noRateLimit(Duration idleTimeout) {
        return ServerConfig.builder().port(0).messagesPerSecond(1_000_000).messageBurst(1_000_000)
                .maxWaitingMessages(1_000_000).idleTimeout(idleTimeout);
    }

    @Test
    void aChatWithMoreMessagesWaitingThanAllowedIsClosedWith1013() throws Exception {
        try (ChatServer open = TestServers.start(ServerConfig.builder().port(0).messagesPerSecond(1_000_000)
                .messageBurst(1_000_000).maxWaitingMessages(20).build());
             RawWebSocket ws = Chats.welcomed(open)) {
            ws.sendRaw(repeat(RawWebSocket.frame(true, RawWebSocket.OP_TEXT,
                    ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION).getBytes(StandardCharsets.UTF_8), true),
                    500));
            int[] answered = new int[1];
            assertEquals(1013, ws.awaitClose(answered));
            assertTrue(answered[0] < 500, "closed before answering all: " + answered[0]);
            Chats.awaitOpenChats(open, 0);
        }
    }

    /**
     * A chat whose client sends 8,000 questions at once (some 10 MB of answers, more than the socket buffers hold
     * with its 4 KB receive buffer) and then neither reads nor sends. Answering them takes the server tens of
     * seconds of one thread, so the waits for a cut-off allow a minute.
     */
    private static RawWebSocket burstThenSilence(ChatServer server) throws Exception {
        RawWebSocket ws = RawWebSocket.handshake(server.chatUri(), Chats.origin(server), 4096);
        assertEquals(101, ws.status());
        Chats.awaitOpenChats(server, 1);
        ws.sendRaw(repeat(RawWebSocket.frame(true, RawWebSocket.OP_TEXT,
                ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION).getBytes(StandardCharsets.UTF_8), true),
                8000));
        return ws;
    }

    // ---- idle and half-open ----

    @Test
    void idleAndHalfOpenChatsAreClosedByTheIdleTimeout() throws Exception {
        Duration idle = Duration.ofSeconds(1);
        try (ChatServer quick = TestServers.start(ServerConfig.builder().port(0).idleTimeout(idle).build())) {
            List<RawWebSocket> chats = new ArrayList<>();
            try {
                long begin = System.nanoTime();
                // 1. handshake, then silence: not even the welcome is read
                chats.add(RawWebSocket.handshake(quick.chatUri(), Chats.origin(quick), 0));
                // 2. one question and its answer, then silence
                RawWebSocket asked = Chats.welcomed(quick);
                Chats.assertAnswersTheCostQuestion(asked);
                chats.add(asked);
                // 3. half a frame, then silence: its header and 3 of the 30 bytes it announces
                RawWebSocket half = Chats.welcomed(quick);
                byte[] frame = RawWebSocket.frame(true, RawWebSocket.OP_TEXT, new byte[30], true);
                half.sendRaw(java.util.Arrays.copyOf(frame, frame.length - 27));
                chats.add(half);
                // 4. a burst of questions with a tiny receive buffer, then silence, never reading the answers
                RawWebSocket sink = RawWebSocket.handshake(quick.chatUri(), Chats.origin(quick), 4096);
                sink.sendRaw(repeat(RawWebSocket.frame(true, RawWebSocket.OP_TEXT,
                        ProtocolPropertiesTest.messageFrame(Chats.COST_QUESTION).getBytes(StandardCharsets.UTF_8),
                        true), 10));
                chats.add(sink);
                Chats.awaitOpenChats(quick, 4); // the last may still be in onOpen

                Chats.awaitOpenChats(quick, 0);
                double seconds = (System.nanoTime() - begin) / 1e9;
                for (RawWebSocket ws : chats) {
                    ws.readTimeout(Duration.ofSeconds(10));
                    assertTrue(ws.awaitEndOfStream(), "the server must end the connection of an idle chat");
                }
                System.out.printf(Locale.ROOT, "[hardening] 4 idle or half-open chats closed %.1f s after they went "
                        + "silent (idle timeout %d s)%n", seconds, idle.toSeconds());
                assertTrue(seconds >= idle.toMillis() / 1000.0 * 0.9, "closed before the idle timeout: " + seconds);
            } finally {
                for (RawWebSocket ws : chats) {
                    ws.close();
                }
            }
            try (RawWebSocket fresh = Chats.welcomed(quick)) {
                Chats.assertAnswersTheCostQuestion(fresh);
            }
        }
    }

    @Test
    void theIdleCloseOfASilentChatIsCode1000() throws Exception {
        try (ChatServer quick = TestServers.start(ServerConfig.builder().port(0).idleTimeout(Duration.ofMillis(500))
                .build());
             RawWebSocket ws = Chats.welcomed(quick)) {
            assertEquals(1000, ws.awaitClose());
        }
    }

    // ---- the session limit ----

    @Test
    void theSessionLimitRefusesWith1013AndAdmitsAgainOnceChatsLeave() throws Exception {
        int max = 4;
        try (ChatServer small = TestServers.start(ServerConfig.builder().port(0).maxSessions(max).build())) {
            // twenty at once: exactly the limit gets in
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<RawWebSocket> admitted = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> tries = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    tries.add(pool.submit(() -> {
                        go.await();
                        RawWebSocket ws = RawWebSocket.open(small.chatUri(), Chats.origin(small));
                        RawWebSocket.Frame first = ws.nextFrame();
                        if (first.opcode() == RawWebSocket.OP_TEXT) {
                            admitted.add(ws);
                        } else {
                            assertEquals(1013, first.closeCode().orElse(-1));
                            refused.incrementAndGet();
                            ws.close();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> t : tries) {
                    t.get(30, TimeUnit.SECONDS);
                }
                assertEquals(max, admitted.size(), "admitted");
                assertEquals(20 - max, refused.get(), "refused with 1013");
                assertEquals(max, small.openChats());

                // two leave (one cleanly, one by cutting the connection): two get in, the next does not
                admitted.get(0).sendClose(1000);
                assertEquals(1000, admitted.get(0).awaitClose());
                admitted.remove(0).close();
                admitted.remove(0).close();
                Chats.awaitOpenChats(small, max - 2);
                admitted.add(Chats.welcomed(small));
                admitted.add(Chats.welcomed(small));
                try (RawWebSocket over = RawWebSocket.open(small.chatUri(), Chats.origin(small))) {
                    assertEquals(1013, over.awaitClose());
                }
                for (RawWebSocket ws : admitted) {
                    Chats.assertAnswersTheCostQuestion(ws);
                }
            } finally {
                pool.shutdownNow();
                for (RawWebSocket ws : admitted) {
                    ws.close();
                }
            }
            Chats.awaitOpenChats(small, 0);
            try (RawWebSocket again = Chats.welcomed(small)) {
                Chats.assertAnswersTheCostQuestion(again);
            }
        }
    }

    // ---- helpers ----

    /** A masked frame header announcing {@code length} bytes (the 64-bit form for anything over 65,535). */
    private static byte[] header(int opcode, long length) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) (0x80 | opcode));
        if (length >= 0 && length <= 65_535) {
            header.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            header.put((byte) (0x80 | 127)).putLong(length);
        }
        header.put(new byte[] {1, 2, 3, 4}); // the mask
        return java.util.Arrays.copyOf(header.array(), header.position());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] frame, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length * times);
        for (int i = 0; i < times; i++) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }
}
