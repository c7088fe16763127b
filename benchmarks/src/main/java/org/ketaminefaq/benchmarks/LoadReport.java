package org.ketaminefaq.benchmarks;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A load run: its rounds in the order they ran, and how the chat server's throughput compares with the bare echo
 * server's.
 *
 * @param sessions sessions per round
 * @param messages messages per session
 * @param thinkMillis the pause between a reply and the next message; 0 in a closed loop at full speed
 * @param meanChatReplyBytes the mean size of the chat replies to the workload's messages
 * @param servers how each server was run (a command line, or the URL it was given)
 * @param warmupRounds warm-up rounds per server at least
 * @param maxWarmupRounds warm-up rounds per server at most
 * @param warmupMessages messages per session in a warm-up round
 * @param warmups the warm-up rounds, not counted
 * @param rounds the measured rounds
 */
record LoadReport(int sessions, int messages, long thinkMillis, int meanChatReplyBytes, List<String> servers,
        int warmupRounds, int maxWarmupRounds, int warmupMessages, List<RoundResult> warmups,
        List<RoundResult> rounds) {

    /** How many warm-up rounds a target had. */
    long warmupsOf(String target) {
        return warmups.stream().filter(r -> r.target().equals(target)).count();
    }


    OptionalDouble meanThroughput(String target) {
        return rounds.stream().filter(r -> r.target().equals(target)).mapToDouble(RoundResult::throughput).average();
    }

    /** The chat rounds' mean throughput over the mean throughput of another target's rounds; empty without both. */
    OptionalDouble ratio(String target) {
        return ratio(LoadTool.CHAT, target);
    }

    /** One target's mean throughput over another's; empty without rounds of both. */
    OptionalDouble ratio(String target, String against) {
        OptionalDouble measured = meanThroughput(target);
        OptionalDouble base = meanThroughput(against);
        return measured.isPresent() && base.isPresent() && base.getAsDouble() > 0
                ? OptionalDouble.of(measured.getAsDouble() / base.getAsDouble()) : OptionalDouble.empty();
    }

    /** Every measured round was clean: nothing lost, out of order or refused. */
    boolean clean() {
        return rounds.stream().allMatch(RoundResult::clean);
    }

    /** The mean over one target's rounds of their server CPU time per message, in microseconds. */
    OptionalDouble meanServerCpu(String target) {
        return rounds.stream().filter(r -> r.target().equals(target)).mapToDouble(
                RoundResult::serverCpuMicrosPerMessage).filter(d -> !Double.isNaN(d)).average();
    }

    /** The worst p99 of the rounds against one target. */
    double worstP99(String target) {
        return rounds.stream().filter(r -> r.target().equals(target)).mapToDouble(r -> r.latency().p99()).max()
                .orElse(Double.NaN);
    }
}
