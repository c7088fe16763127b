package org.ketaminefaq.benchmarks;

import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as an operator sees it: from launching {@code java -jar} to the answer of a first question, model loaded,
 * over several launches.
 */
final class StartupProbe {

    private StartupProbe() {
    }

    static Map<String, Object> run(Path jar, int launches, Path logs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        WsClients clients = WsClients.shared();
        for (int i = 0; i < launches; i++) {
            long begin = System.nanoTime();
            try (ServerProcess server = ServerProcess.chat(jar, List.of(), List.of("--port", "0"),
                    logs.resolve("startup-server.log"))) {
                CompletableFuture<Void> answered = new CompletableFuture<>();
                WebSocket ws = clients.connect(server.uri(), null, new WsClients.FrameListener() {
                    private boolean welcomed;

                    @Override
                    void onFrame(WebSocket ws, CharSequence frame) {
                        if (!welcomed) {
                            welcomed = true;
                            ws.sendText("{\"type\":\"message\",\"text\":\"how much does ketamine therapy cost?\"}",
                                    true);
                        } else {
                            answered.complete(null);
                        }
                    }

                    @Override
                    void onEnd(int code) {
                        answered.completeExceptionally(new IllegalStateException("closed with " + code));
                    }
                }, Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
                answered.get(60, TimeUnit.SECONDS);
                seconds.add(LoadTool.round((System.nanoTime() - begin) / 1e9));
                ws.abort();
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("launches", seconds);
        result.put("medianSeconds", sorted.get(sorted.size() / 2));
        result.put("maxSeconds", sorted.get(sorted.size() - 1));
        return result;
    }
}
