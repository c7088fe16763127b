package org.ketaminefaq.chatbot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.ketaminefaq.chatbot.server.ChatServer;
import org.ketaminefaq.core.ClinicProfile;

/** Small helpers the hardening tests share: chats over {@link RawWebSocket}, waiting, JMX readings, percentiles. */
final class Chats {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final String COST_QUESTION = "how much does ketamine cost?";

    private Chats() {
    }

    /** The clinic's web site in {@link #clinicProfile()}. */
    static final String CLINIC_ORIGIN = "https://clinic.example";

    /** The default profile, with chats allowed from {@link #CLINIC_ORIGIN} only (and the server's own pages). */
    static ClinicProfile clinicProfile() {
        ClinicProfile d = ClinicProfile.defaultProfile();
        return new ClinicProfile(Optional.of("Brightwater Clinic"), Optional.of("555-0100"),
                Optional.of(CLINIC_ORIGIN + "/book"), d.hours(), d.address(), d.prices(), d.formsOffered(),
                d.insuranceNotes(), List.of(CLINIC_ORIGIN), d.crisis());
    }

    /** The server's own origin, as its demo page has it. */
    static String origin(ChatServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** Opens a chat from the demo page's origin and takes the welcome. */
    static RawWebSocket welcomed(ChatServer server) throws IOException {
        RawWebSocket ws = RawWebSocket.open(server.chatUri(), origin(server));
        try {
            assertEquals("welcome", JSON.readTree(ws.nextText()).get("type").asText());
            return ws;
        } catch (IOException | RuntimeException | Error e) {
            ws.close();
            throw e;
        }
    }

    /** Sends a message and returns the one reply. */
    static JsonNode say(RawWebSocket ws, String text) throws IOException {
        ws.sendText(ProtocolPropertiesTest.messageFrame(text));
        return JSON.readTree(ws.nextText());
    }

    /** Asks the cost question and checks that the answer is the cost answer. */
    static void assertAnswersTheCostQuestion(RawWebSocket ws) throws IOException {
        JsonNode reply = say(ws, COST_QUESTION);
        assertEquals("answer", reply.get("type").asText(), reply.toString());
        assertEquals("cost", reply.get("intent").asText(), reply.toString());
    }

    /** Polls until {@code condition} holds; fails after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                assertTrue(condition.getAsBoolean(), what + " within " + timeout);
                return;
            }
            Thread.sleep(20); // polling a count the server updates on its own threads, not a timing assertion
        }
    }

    static void awaitOpenChats(ChatServer server, int expected) throws InterruptedException {
        awaitOpenChats(server, expected, TIMEOUT);
    }

    static void awaitOpenChats(ChatServer server, int expected, Duration timeout) throws InterruptedException {
        await("open chats back to " + expected + " (now " + server.openChats() + ")", timeout,
                () -> server.openChats() == expected);
    }

    /** The heap in use after a full collection, as JMX reports it; the least of a few readings. */
    static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /**
     * Waits, up to five seconds, until the JVM's thread count has stayed the same for half a second, collecting
     * garbage meanwhile: the threads and objects earlier tests left behind (HTTP clients, executors) go first, so
     * that a measurement that starts now measures only what follows.
     */
    static void quiesce() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int last = -1;
        int steady = 0;
        while (steady < 5 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
            int now = threads();
            steady = now == last ? steady + 1 : 0;
            last = now;
        }
    }

    /** Live threads, as JMX reports them. */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** The least of readings of {@code gauge} taken over up to a second, until one is at {@code target}. */
    static int settled(IntSupplier gauge, int target) throws InterruptedException {
        int least = gauge.getAsInt();
        for (int i = 0; i < 50 && least > target; i++) {
            Thread.sleep(20);
            least = Math.min(least, gauge.getAsInt());
        }
        return least;
    }

    /** The {@code p}th percentile (0 to 100) of durations in nanoseconds, by the nearest-rank method. */
    static long percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
