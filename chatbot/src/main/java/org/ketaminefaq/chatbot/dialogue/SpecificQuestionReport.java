package org.ketaminefaq.chatbot.dialogue;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ketaminefaq.chatbot.nlp.NativeLibraries;
import org.ketaminefaq.chatbot.nlp.QuietLibraries;
import org.ketaminefaq.chatbot.nlp.Recognition;
import org.ketaminefaq.chatbot.nlp.SubtopicClassifier;
import org.ketaminefaq.chatbot.nlp.TextNormalizer;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;

/**
 * How often a visitor who asks a narrower question gets its answer, each message as the first of a new chat with the
 * shipped models: on the development set (where the words and the probability were chosen) and on the test set (only
 * reported), beside the words alone, without the model of narrower questions.
 *
 * <p>Run with {@code mvn -B -q install -DskipTests && mvn -B -q -pl chatbot exec:java@evaluate-subtopics}.
 */
public final class SpecificQuestionReport {

    private final DialogueEngine engine;
    private final PrintStream out;

    private SpecificQuestionReport(DialogueEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    public static void main(String[] args) {
        QuietLibraries.apply();
        NativeLibraries.ensurePrepared();
        DialogueEngine engine = DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(),
                ClinicProfile.defaultProfile()));
        SpecificQuestionReport report = new SpecificQuestionReport(engine, System.out);
        report.print("development", SubtopicClassifier.examples(SubtopicClassifier.DEVELOPMENT));
        report.print("test", SubtopicClassifier.examples(SubtopicClassifier.TEST));
        System.exit(0);
    }

    private void print(String set, List<SubtopicClassifier.Example> examples) {
        Map<SpecificQuestion, int[]> counts = new EnumMap<>(SpecificQuestion.class);
        for (SubtopicClassifier.Example e : examples) {
            SpecificQuestion asked = SpecificQuestion.byId(e.subtopic()).orElseThrow(() -> new IllegalStateException(
                    "no specific question \"" + e.subtopic() + "\""));
            int[] c = counts.computeIfAbsent(asked, q -> new int[3]);
            c[0]++;
            if (answered(e.text(), asked)) {
                c[1]++;
            }
            if (byWordsAlone(e.text()).equals(Optional.of(asked))) {
                c[2]++;
            }
        }
        out.printf(Locale.ROOT, "%s set: %d messages%n%-26s %9s %12s%n", set, examples.size(), "narrower question",
                "product", "words alone");
        int[] all = new int[3];
        counts.forEach((q, c) -> {
            out.printf(Locale.ROOT, "%-26s %4d/%-4d %7d/%-4d%n", q.id(), c[1], c[0], c[2], c[0]);
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        });
        out.printf(Locale.ROOT, "%-26s %8.1f%% %11.1f%%%n%n", "answered", 100.0 * all[1] / all[0],
                100.0 * all[2] / all[0]);
    }

    /** Whether the first reply of a new chat to {@code text} is the answer to {@code asked}. */
    private boolean answered(String text, SpecificQuestion asked) {
        Reply reply = engine.newSession().message(text);
        return reply instanceof Reply.AnswerReply a && a.text().contains(engine.answers().compose(asked).text());
    }

    /** The narrower question the message's words name inside its recognised topic, without the model. */
    private Optional<SpecificQuestion> byWordsAlone(String text) {
        Recognition r = engine.recognizer().recognize(text);
        if (!(r instanceof Recognition.Understood u)) {
            return Optional.empty();
        }
        return SpecificQuestion.named(u.intent(), TextNormalizer.normalize(text));
    }
}
