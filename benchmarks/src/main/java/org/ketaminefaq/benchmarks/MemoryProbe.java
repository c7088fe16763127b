package org.ketaminefaq.benchmarks;

import java.net.URI;
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
 * Memory of a chat server with the model loaded: its Java heap after full collections and its resident memory with
 * 0, then 2,000, then 10,000 idle chats open (each took its welcome and stays silent). Heap per idle chat is the heap's
 * growth over the chats.
 */
final class MemoryProbe {

    static final List<String> JVM = List.of("-Xmx512m");

    private MemoryProbe() {
    }

    static Map<String, Object> run(Path jar, List<Integer> levels, Path logs) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<WebSocket> open = new ArrayList<>();
        WsClients clients = WsClients.shared();
        long firstHeap = 0;
        long heapPerChat = 0;
        try (ServerProcess server = ServerProcess.chat(jar, JVM, List.of("--port", "0", "--max-sessions", "50000",
                "--idle-timeout-seconds", "3600"), logs.resolve("memory-server.log"))) {
            for (int level : levels) {
                while (open.size() < level) {
                    open.addAll(openIdle(clients, server.uri(), Math.min(500, level - open.size())));
                }
                ServerProcess.sleep(2000);
                long heap = server.heapAfterGc();
                if (rows.isEmpty()) {
                    firstHeap = heap;
                } else {
                    heapPerChat = (heap - firstHeap) / open.size();
                }
                rows.add(Map.of("idleChats", open.size(), "heapMiB", mib(heap), "residentMiB",
                        mib(server.residentBytes())));
            }
        } finally {
            open.forEach(WebSocket::abort);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("serverJvmOptions", JVM);
        result.put("levels", rows);
        result.put("heapBytesPerIdleChat", heapPerChat);
        return result;
    }

    /** Opens {@code n} chats at once and returns when each has its welcome. */
    private static List<WebSocket> openIdle(WsClients clients, URI uri, int n) throws Exception {
        List<CompletableFuture<WebSocket>> welcomed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<WebSocket> welcome = new CompletableFuture<>();
            welcomed.add(welcome);
            clients.connect(uri, null, new WsClients.FrameListener() {
                @Override
                void onFrame(WebSocket ws, CharSequence frame) {
                    welcome.complete(ws);
                }

                @Override
                void onEnd(int code) {
                    welcome.completeExceptionally(new IllegalStateException("an idle chat closed with " + code));
                }
            }, Duration.ofSeconds(30)).exceptionally(e -> {
                welcome.completeExceptionally(e);
                return null;
            });
        }
        List<WebSocket> open = new ArrayList<>();
        for (CompletableFuture<WebSocket> w : welcomed) {
            open.add(w.get(60, TimeUnit.SECONDS));
        }
        return open;
    }

    static double mib(long bytes) {
        return LoadTool.round(bytes / 1048576.0);
    }
}
