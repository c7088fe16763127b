package org.ketaminefaq.benchmarks;

import java.util.Map;

/**
 * One load round against one server.
 *
 * @param label {@code A} (chat) or {@code B} (echo), with the round number
 * @param target what was measured, such as {@code chat} or {@code echo}
 * @param sessions sessions asked for
 * @param messagesPerSession messages each session sends
 * @param connected sessions that connected and got their first frame (the welcome)
 * @param connectSeconds how long opening them took
 * @param sent messages sent
 * @param answered messages that got a reply within the reply timeout
 * @param lost messages without a reply within the reply timeout
 * @param outOfOrder replies that were not the reply due to the message they followed, or came with nothing due
 * @param errors error replies, by code
 * @param closedEarly sessions the server closed before they had sent all their messages
 * @param seconds from the first message sent to the last reply received
 * @param throughput answered messages per second over {@code seconds}
 * @param latency round trip of the answered messages, from send to reply
 * @param serverCpuMicrosPerMessage the server process's CPU time (user and system, all threads, the JIT and the
 *     garbage collector included) from the first message to the last reply, per answered message; NaN when the
 *     server is not a process this tool started
 * @param clientCpuMicrosPerMessage the same for the load generator's own process
 * @param otherCpuShare the share of the machine's CPU that other processes used meanwhile (0 to 1): more than a few
 *     percent means something else ran and the round's figures are disturbed; NaN where unknown
 * @param serverGc the server's garbage-collection pauses from the first message to the last reply; unknown when the
 *     server is not a process this tool started
 * @param clientGc the same for the load generator's own JVM
 */
record RoundResult(String label, String target, int sessions, int messagesPerSession, int connected,
        double connectSeconds, long sent, long answered, long lost, long outOfOrder, Map<String, Long> errors,
        int closedEarly, double seconds, double throughput, Latency latency, double serverCpuMicrosPerMessage,
        double clientCpuMicrosPerMessage, double otherCpuShare, GcPauses.Count serverGc, GcPauses.Count clientGc) {

    /** Nothing lost, nothing out of order, no error reply, every session connected and stayed. */
    boolean clean() {
        return connected == sessions && lost == 0 && outOfOrder == 0 && errors.isEmpty() && closedEarly == 0
                && answered == (long) sessions * messagesPerSession;
    }

    String summary() {
        return String.format(java.util.Locale.ROOT,
                "%-4s %-5s sessions %d/%d connected in %.1f s, %d sent, %d answered, %d lost, %d out of order, "
                        + "errors %s, %d closed early; %.0f msg/s over %.2f s; round trip ms p50 %.2f p95 %.2f "
                        + "p99 %.2f max %.2f; CPU us/msg server %.1f client %.1f; other load %.0f%%; GC pauses server %s "
                        + "client %s",
                label, target, connected, sessions, connectSeconds, sent, answered, lost, outOfOrder, errors,
                closedEarly, throughput, seconds, latency.p50(), latency.p95(), latency.p99(), latency.max(),
                serverCpuMicrosPerMessage, clientCpuMicrosPerMessage, otherCpuShare * 100, serverGc.describe(),
                clientGc.describe());
    }
}
