package org.ketaminefaq.benchmarks;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.ketaminefaq.chatbot.dialogue.ChatSession;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.chatbot.nlp.LabelledUtterance;
import org.ketaminefaq.chatbot.nlp.UtteranceFiles;
import org.ketaminefaq.chatbot.server.ProtocolCodec;

/**
 * What each session of a load run sends: questions from the held-out evaluation set, in a fixed shuffled order (the
 * same for every run), session {@code s} taking the {@code messages} questions after the first {@code s * messages}.
 * The set's intents, crisis messages, out-of-scope messages and screening starts are all in the mix.
 */
final class Workload {

    /** The seed of the shuffle, fixed so that every run sends the same questions. */
    static final long SEED = 20261121L;

    private final int sessions;
    private final int messages;
    private final List<String> questions;

    private Workload(int sessions, int messages, List<String> questions) {
        if (sessions < 1 || messages < 0) {
            throw new IllegalArgumentException("sessions must be at least 1 and messages at least 0, but were "
                    + sessions + " and " + messages);
        }
        this.sessions = sessions;
        this.messages = messages;
        this.questions = List.copyOf(questions);
    }

    static Workload fromEvaluationSet(int sessions, int messages) {
        List<String> questions = new ArrayList<>(UtteranceFiles.test().stream().map(LabelledUtterance::text)
                .toList());
        Collections.shuffle(questions, new Random(SEED));
        return new Workload(sessions, messages, questions);
    }

    int sessions() {
        return sessions;
    }

    int messages() {
        return messages;
    }

    /** The text of session {@code session}'s message number {@code index}. */
    String text(int session, int index) {
        return questions.get((int) (((long) session * messages + index) % questions.size()));
    }

    /** The protocol frame that carries {@link #text}. */
    String frame(int session, int index) {
        return "{\"type\":\"message\",\"text\":\"" + new String(JsonStringEncoder.getInstance()
                .quoteAsString(text(session, index))) + "\"}";
    }

    /**
     * The replies the chat server must give, in order: the same conversations run through a {@link DialogueEngine}
     * in this process, compared by reply type, intent and error code (the text depends on the server's profile).
     */
    ChatExpectation chatExpectation(DialogueEngine engine) {
        Expected[][] expected = new Expected[sessions][messages];
        long bytes = 0;
        for (int s = 0; s < sessions; s++) {
            ChatSession chat = engine.newSession();
            for (int i = 0; i < messages; i++) {
                String json = ProtocolCodec.encode(chat.message(text(s, i)));
                bytes += json.getBytes(StandardCharsets.UTF_8).length;
                expected[s][i] = Expected.of(ReplySummary.parse(json));
            }
        }
        int meanReplyBytes = sessions * messages == 0 ? 0 : (int) (bytes / ((long) sessions * messages));
        return new ChatExpectation(expected, meanReplyBytes);
    }

    /**
     * The chat server's replies, checked by type, intent and error code.
     *
     * @param meanReplyBytes the mean size of the replies, as UTF-8 JSON
     */
    record ChatExpectation(Expected[][] expected, int meanReplyBytes) implements Expectation {
        @Override
        public boolean matches(int session, int index, ReplySummary reply) {
            return expected[session][index].matches(reply);
        }

        @Override
        public String describe() {
            return "the reply type and intent the dialogue gives in-process";
        }

        @Override
        public boolean needsText() {
            return false;
        }
    }

    /** The echo server must send back each frame's text. */
    Expectation echoExpectation() {
        return new Expectation() {
            @Override
            public boolean matches(int session, int index, ReplySummary reply) {
                return "echo".equals(reply.type()) && text(session, index).equals(reply.text());
            }

            @Override
            public String describe() {
                return "the frame's own text";
            }
        };
    }

    /** Whether a reply is the one due for a given message of a given session. */
    interface Expectation {
        boolean matches(int session, int index, ReplySummary reply);

        String describe();

        /** Whether {@link #matches} reads the reply's {@code text}. */
        default boolean needsText() {
            return true;
        }
    }

    record Expected(String type, String intent, String code) {
        static Expected of(ReplySummary r) {
            return new Expected(r.type(), r.intent(), r.code());
        }

        boolean matches(ReplySummary r) {
            return Objects.equals(type, r.type()) && Objects.equals(intent, r.intent())
                    && Objects.equals(code, r.code());
        }
    }
}
