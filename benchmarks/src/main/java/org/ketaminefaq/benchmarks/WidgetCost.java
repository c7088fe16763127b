package org.ketaminefaq.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the widget costs a clinic's page, in Debian's Chromium: a page like the demo clinic's, served from another
 * origin than the chat server, loaded with and without the script tag (cache off, as a first visit), at full speed and
 * with the CPU throttled 4 times as a mid-range phone. Layout shift and long tasks come from the browser's own
 * PerformanceObserver; the load event from Navigation Timing.
 */
final class WidgetCost {

    /** Installed before any script of the page runs, so that nothing of the page's load escapes it. */
    private static final String OBSERVE = "window.__kf = {shift: 0, long: []};"
            + "new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__kf.shift += e.value; }))"
            + ".observe({type: 'layout-shift', buffered: true});"
            + "new PerformanceObserver(l => l.getEntries().forEach(e => window.__kf.long.push(e.duration)))"
            + ".observe({type: 'longtask', buffered: true});";

    private WidgetCost() {
    }

    static Map<String, Object> run(Path jar, int loads, Path logs) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (ServerProcess chat = ServerProcess.chat(jar, List.of(), List.of("--port", "0"), logs.resolve("widget.log"))) {
            String server = "http://127.0.0.1:" + chat.port();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> widget = http.send(HttpRequest.newBuilder(URI.create(server + "/widget.js"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            result.put("widgetGzippedBytes", widget.body().length);
            String demo = http.send(HttpRequest.newBuilder(URI.create(server + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()
                    .replace("href=\"/demo.css\"", "href=\"" + server + "/demo.css\"")
                    .replace("<script src=\"/demo.js\"></script>", "");
            String with = demo.replace("src=\"/widget.js\"", "src=\"" + server + "/widget.js\"");
            String without = demo.replaceAll("<script src=\"/widget.js\"[^>]*></script>", "");
            HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            for (Map.Entry<String, String> page : Map.of("/with", with, "/without", without).entrySet()) {
                site.createContext(page.getKey(), exchange -> {
                    byte[] body = page.getValue().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
            }
            site.start();
            String origin = "http://localhost:" + site.getAddress().getPort();
            ChromeDriver driver = chromium();
            try {
                driver.executeCdpCommand("Network.enable", Map.of());
                driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE));
                for (int rate : new int[] {1, 4}) {
                    driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", rate));
                    result.put(rate == 1 ? "fullSpeed" : "cpuThrottled4x",
                            loads(driver, origin + "/without", origin + "/with", loads));
                }
            } finally {
                driver.quit();
                site.stop(0);
            }
        }
        return result;
    }

    /**
     * {@code n} loads of each page, taking turns after one load of each that is not counted: the median load event,
     * the largest layout shift, and every long task.
     */
    private static Map<String, Object> loads(ChromeDriver driver, String without, String with, int n) {
        Map<String, List<Map<String, Object>>> pages = new LinkedHashMap<>();
        pages.put("without", new ArrayList<>());
        pages.put("with", new ArrayList<>());
        for (int i = 0; i <= n; i++) {
            for (String page : pages.keySet()) {
                Map<String, Object> load = load(driver, page.equals("with") ? with : without);
                if (i > 0) {
                    pages.get(page).add(load);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        pages.forEach((page, list) -> {
            List<Double> events = list.stream().map(m -> ((Number) m.get("load")).doubleValue()).sorted().toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("loadEventMillisMedian", LoadTool.round(events.get(events.size() / 2)));
            row.put("loadEventMillis", events.stream().map(LoadTool::round).toList());
            row.put("largestLayoutShift", list.stream().mapToDouble(m -> ((Number) m.get("shift")).doubleValue())
                    .max().orElse(0));
            row.put("longTasksOver50Millis", list.stream().flatMap(m -> ((List<?>) m.get("long")).stream())
                    .map(d -> ((Number) d).doubleValue()).filter(d -> d > 50).map(LoadTool::round).toList());
            result.put(page, row);
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(ChromeDriver driver, String url) {
        driver.get(url);
        // the launcher builds its button after the load event; give it time to show
        ServerProcess.sleep(1500);
        return (Map<String, Object>) driver.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + " return {load: n.loadEventEnd, shift: window.__kf.shift, long: window.__kf.long};");
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(
                Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
