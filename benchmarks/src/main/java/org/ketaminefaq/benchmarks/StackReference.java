package org.ketaminefaq.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat beside the stack's own limit, as information: the same closed-loop load (no think time) against the chat
 * server, the bare echo server, and the echo server with replies as large as the chat's, with each server's CPU time
 * per message.
 */
final class StackReference {

    private StackReference() {
    }

    static Map<String, Object> run(Path jar, int chats, int messages, Path logs) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("load", chats + " chats x " + messages + " messages, closed loop");
        LoadTool.Result chat;
        // a closed loop sends as fast as it is answered, which the chat's rate limit exists to stop
        try (ServerProcess server = ServerProcess.chat(jar, CapacitySearch.JVM, List.of("--port", "0",
                "--messages-per-second", "100000", "--message-burst", "100000"), logs.resolve("reference-chat.log"))) {
            chat = measure(server, chats, messages, "chat", result);
        }
        try (ServerProcess echo = ServerProcess.echo(List.of(), logs.resolve("reference-echo.log"))) {
            measure(echo, chats, messages, "echo", result);
        }
        try (ServerProcess echo = ServerProcess.echo(List.of("--reply-bytes", Long.toString(chat.meanReplyChars())),
                logs.resolve("reference-echo-sized.log"))) {
            measure(echo, chats, messages, "echoAsLargeAsTheChat", result);
        }
        return result;
    }

    private static LoadTool.Result measure(ServerProcess server, int chats, int messages, String name,
                                           Map<String, Object> into) throws Exception {
        // a first run warms the JIT up; the second is measured
        LoadTool.run(server.uri(), LoadTool.Spec.closed(chats, messages));
        long cpu = server.cpuNanos();
        LoadTool.Result load = LoadTool.run(server.uri(), LoadTool.Spec.closed(chats, messages));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("result", load);
        row.put("serverCpuMicrosPerMessage", LoadTool.round((server.cpuNanos() - cpu) / 1e3 / load.answered()));
        into.put(name, row);
        return load;
    }
}
