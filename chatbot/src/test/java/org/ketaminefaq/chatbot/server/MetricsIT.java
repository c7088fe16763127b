package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: what an operator sees after a few chats, on the main port, a port of its own, or not at all. */
class MetricsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(ChatClient.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line, such as {@code ketamine_faq_messages_total{clinic="default"} 3.0}. */
    private static double sample(String metrics, String nameAndLabels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), nameAndLabels + " not in:\n" + metrics);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void countsMessagesRepliesCrisesVerdictsAndRefusalsByFixedLabels() throws Exception {
        try (ChatServer server = TestServers.start(ServerConfig.builder().port(0)
                .messagesPerSecond(100).messageBurst(100).build(), TestProfiles.clinic())) {
            try (ChatClient chat = ChatClient.connect(server, TestProfiles.CLINIC_ORIGIN)) {
                chat.next();
                chat.say("how much does ketamine cost?");
                chat.say("I want to kill myself");
                chat.say("blorp zizzle");
            }
            assertThrows(jakarta.websocket.DeploymentException.class,
                    () -> ChatClient.connect(server, "https://evil.example"), "another site is refused");

            HttpResponse<String> response = get(server.uri().resolve("/metrics"));
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String metrics = response.body();
            assertEquals(3.0, sample(metrics, "ketamine_faq_messages_total{clinic=\"default\"}"));
            assertEquals(1.0, sample(metrics,
                    "ketamine_faq_replies_total{clinic=\"default\",intent=\"cost\",type=\"answer\"}"));
            assertEquals(1.0, sample(metrics, "ketamine_faq_crises_total{about=\"self\",clinic=\"default\"}"));
            assertEquals(1.0, sample(metrics, "ketamine_faq_refused_chats_total{clinic=\"default\",reason=\"origin\"}"));
            assertTrue(metrics.contains("ketamine_faq_reply_seconds_bucket{clinic=\"default\",le="),
                    "a latency histogram");
            assertTrue(metrics.contains("ketamine_faq_open_chats{clinic=\"default\"}"));
            assertTrue(!metrics.contains("blorp") && !metrics.contains("kill"), "no visitor text in the metrics");
        }
    }

    @Test
    void metricsCanHaveAPortOfTheirOwnOrBeOff() throws Exception {
        try (ChatServer server = TestServers.start(ServerConfig.builder().port(0).metricsPort(0).build())) {
            URI own = URI.create("http://127.0.0.1:" + server.metricsPort().orElseThrow() + "/metrics");
            assertEquals(200, get(own).statusCode());
            assertEquals(404, get(server.uri().resolve("/metrics")).statusCode(), "not on the public port");
        }
        try (ChatServer server = TestServers.start(ServerConfig.builder().port(0).metrics(false).build())) {
            assertEquals(404, get(server.uri().resolve("/metrics")).statusCode());
        }
    }
}
