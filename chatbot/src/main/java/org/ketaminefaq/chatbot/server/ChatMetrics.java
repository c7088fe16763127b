package org.ketaminefaq.chatbot.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.ketaminefaq.chatbot.dialogue.Reply;

/**
 * What an operator and a clinic can watch, in the Prometheus text format ({@code GET /metrics}), through Micrometer:
 * open chats, messages, replies by type and topic, crises, screening verdicts, rate-limited frames, refused chats and
 * a histogram of the time from a message to its reply, each labelled with the clinic. Every label value comes from a
 * fixed set (reply types, intent ids, verdicts, reasons): nothing a visitor typed or answered can become a label or a
 * value. One per clinic; the clinics of a server share one registry, which {@link #newRegistry()} makes.
 * Thread-safe.
 */
final class ChatMetrics {

    private final PrometheusMeterRegistry registry;
    private final String clinic;
    private final AtomicInteger openChats = new AtomicInteger();
    private final Counter messages;
    private final Counter rateLimited;
    private final Timer replyTime;

    /** The metrics of clinic {@code clinic} (its id), in {@code registry}. */
    ChatMetrics(PrometheusMeterRegistry registry, String clinic) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clinic = Objects.requireNonNull(clinic, "clinic");
        Gauge.builder("ketamine.faq.open.chats", openChats, AtomicInteger::get).description("Chats open now")
                .tag("clinic", clinic).register(registry);
        messages = Counter.builder("ketamine.faq.messages").description("Messages visitors sent")
                .tag("clinic", clinic).register(registry);
        rateLimited = Counter.builder("ketamine.faq.rate.limited").description("Frames refused for coming too fast")
                .tag("clinic", clinic).register(registry);
        replyTime = Timer.builder("ketamine.faq.reply").description("From a message's arrival to its reply being sent")
                .tag("clinic", clinic).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
    }

    /** The registry a server's clinics share, scraped by {@code /metrics}. */
    static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** A chat opened. */
    void opened() {
        openChats.incrementAndGet();
    }

    /** A chat that {@link #opened()} closed. */
    void closed() {
        openChats.decrementAndGet();
    }

    /** A visitor's message arrived. */
    void message() {
        messages.increment();
    }

    /** A frame came faster than the rate limit allows. */
    void rateLimited() {
        rateLimited.increment();
    }

    /** A chat was refused before it opened: {@code reason} is {@code origin} or {@code too_many_chats}. */
    void refused(String reason) {
        Counter.builder("ketamine.faq.refused.chats").description("Chats refused before they opened")
                .tag("clinic", clinic).tag("reason", reason).register(registry).increment();
    }

    /** A reply went out, {@code nanos} after its message arrived. */
    void replied(Reply reply, long nanos) {
        Counter.builder("ketamine.faq.replies").description("Replies by type and topic")
                .tag("clinic", clinic).tag("type", ProtocolCodec.type(reply)).tag("intent", intent(reply))
                .register(registry).increment();
        if (reply instanceof Reply.Crisis c) {
            Counter.builder("ketamine.faq.crises").description("Crisis replies, by whose danger")
                    .tag("clinic", clinic).tag("about", c.concern().name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry).increment();
        }
        if (reply instanceof Reply.Result r) {
            Counter.builder("ketamine.faq.screening.verdicts").description("Screening results, by verdict")
                    .tag("clinic", clinic).tag("verdict", r.assessment().verdict().id())
                    .register(registry).increment();
        }
        replyTime.record(Duration.ofNanos(nanos));
    }

    /** The topic of an answer, or the code of an error; "none" for the other types. */
    private static String intent(Reply reply) {
        if (reply instanceof Reply.AnswerReply a) {
            return a.intent().id();
        } else if (reply instanceof Reply.Error e) {
            return "error_" + e.code().id();
        }
        return "none";
    }
}
