package org.ketaminefaq.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many visitors chatting at human pace one node carries (or two nodes behind HAProxy, on the same machine): for
 * each size in turn, fresh servers and a paced run; a size passes when every chat connected, nothing was lost, extra
 * or rate-limited, and the p99 round trip stayed at or under 100 ms. The search stops at the first size that fails.
 */
final class CapacitySearch {

    static final double P99_TARGET_MILLIS = 100;
    static final List<String> JVM = List.of("-Xmx512m");

    private CapacitySearch() {
    }

    static Map<String, Object> run(Path jar, boolean twoNodes, List<Integer> sizes, int seconds, Path logs)
            throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        int largest = 0;
        for (int chats : sizes) {
            Map<String, Object> step = twoNodes ? twoNodes(jar, chats, seconds, logs) : oneNode(jar, chats, seconds, logs);
            steps.add(step);
            if (!(boolean) step.get("passed")) {
                break;
            }
            largest = chats;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("topology", twoNodes ? "two servers behind HAProxy, same machine" : "one server");
        result.put("serverJvmOptions", JVM);
        result.put("pace", "3 to 8 s after each reply, seeded; questions from the test set");
        result.put("secondsPerStep", seconds);
        result.put("largestPassingChats", largest);
        result.put("steps", steps);
        return result;
    }

    private static List<String> serverArgs(Path key) {
        return List.of("--port", "0", "--max-sessions", "50000", "--resume-key-file", key.toString());
    }

    private static Map<String, Object> oneNode(Path jar, int chats, int seconds, Path logs) throws Exception {
        try (ServerProcess server = ServerProcess.chat(jar, JVM, serverArgs(key(logs)), logs.resolve("capacity.log"))) {
            return measure(List.of(server), server, chats, seconds);
        }
    }

    private static Map<String, Object> twoNodes(Path jar, int chats, int seconds, Path logs) throws Exception {
        Path key = key(logs);
        try (ServerProcess a = ServerProcess.chat(jar, JVM, serverArgs(key), logs.resolve("capacity-a.log"));
             ServerProcess b = ServerProcess.chat(jar, JVM, serverArgs(key), logs.resolve("capacity-b.log"));
             ServerProcess proxy = ServerProcess.haproxy(ServerProcess.freePort(), a.port(), b.port(),
                     logs.resolve("haproxy.log"))) {
            return measure(List.of(a, b), proxy, chats, seconds);
        }
    }

    private static Map<String, Object> measure(List<ServerProcess> servers, ServerProcess entry, int chats, int seconds)
            throws Exception {
        // fresh servers answer their first messages slowly (JIT, the model's first runs): warm them up first, in
        // bursts the default rate limit lets through
        for (int round = 0; round < 3; round++) {
            LoadTool.run(entry.uri(), LoadTool.Spec.closed(20, 10));
        }
        long cpuBefore = servers.stream().mapToLong(ServerProcess::cpuNanos).sum();
        LoadTool.Result load = LoadTool.run(entry.uri(), LoadTool.Spec.paced(chats, seconds));
        long cpu = servers.stream().mapToLong(ServerProcess::cpuNanos).sum() - cpuBefore;
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("chats", chats);
        step.put("passed", load.clean() && load.p99Millis() <= P99_TARGET_MILLIS);
        step.put("load", load);
        step.put("serverCpuMillisPerMessage", load.answered() == 0 ? 0 : LoadTool.round(cpu / 1e6 / load.answered()));
        step.put("residentMiB", servers.stream().map(s -> MemoryProbe.mib(s.residentBytes())).toList());
        return step;
    }

    private static Path key(Path logs) throws Exception {
        Path key = logs.resolve("resume.key");
        if (!Files.exists(key)) {
            Files.createDirectories(logs);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.write(key, bytes);
        }
        return key;
    }
}
