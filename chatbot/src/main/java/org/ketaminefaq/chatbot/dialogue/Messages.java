package org.ketaminefaq.chatbot.dialogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.ketaminefaq.core.DataFileException;
import org.ketaminefaq.core.eligibility.Verdict;

/** The chatbot's fixed words from {@code messages.json}: welcome, screening prompts, verdicts, error texts. */
record Messages(Welcome welcome, Screening screening, Map<String, String> verdicts,
                Map<String, List<String>> resultQuickReplies, Map<String, String> errors,
                Spanish spanish, ScreeningSupport screeningSupport, Prompt help, Prompt unaskedAnswer,
                String onePartAnswered, String clarify, String whichTopic) {

    static final String RESOURCE = "ketamine-faq/messages.json";

    record Welcome(String text, List<String> quickReplies, String disclaimer) {
    }

    /** A fixed reply and the topics it offers to tap. */
    record Prompt(String text, List<String> quickReplies) {
    }

    record Screening(String resume, String notUnderstood, String stopped, List<String> stopQuickReplies,
                     String diagnosisAdded, String doneLabel, String noneLabel) {
    }

    /**
     * For a visitor who writes in Spanish: the assistant answers in English, and where to find help in Spanish.
     *
     * @param usHelp for a clinic whose crisis resources are those of the United States (988 has a Spanish line)
     * @param otherHelp for a clinic elsewhere
     */
    record Spanish(String notice, String usHelp, String otherHelp) {
    }

    /**
     * What follows the screening's question about suicidal thoughts. A "yes" gets support first, with no result and
     * nothing to book in the same reply; the visitor then chooses to see the result or to stop. "Prefer not to say"
     * gets the result with the crisis lines shown gently.
     */
    record ScreeningSupport(String reported, String choice, String showResultLabel, String stopLabel, String stopped,
                            String declined, List<String> resultQuickReplies) {
    }

    static Messages load() {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataFileException(RESOURCE, "$", "not found on the classpath");
            }
            return mapper.readValue(in, Messages.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    String verdict(Verdict verdict) {
        return verdicts.get(verdict.id());
    }

    List<String> resultQuickReplies(Verdict verdict) {
        return resultQuickReplies.get(verdict.id());
    }

    String error(Reply.ErrorCode code) {
        return errors.get(code.id());
    }
}
