package org.ketaminefaq.chatbot.server;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ketaminefaq.chatbot.dialogue.DialogueEngine;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.eligibility.EligibilityRules;

/**
 * One clinic as the chat server serves it: its dialogue engine (the shared knowledge base and recognizer, with this
 * clinic's profile and answers), its screening rules, and the web sites allowed to open its chat. Hand it to
 * {@link ChatServer#clinic(String, ClinicChat)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * KnowledgeBase facts = KnowledgeBase.load();
 * IntentRecognizer recognizer = IntentRecognizer.shipped();   // loaded once, shared by every clinic
 * ClinicChat harbor = ClinicChat.of(DialogueEngine.create(
 *         ClinicKnowledge.of(facts, ClinicProfile.load(Path.of("clinics/harbor.json"))), recognizer, 1000));
 * }</pre>
 *
 * @param engine the clinic's dialogue
 * @param rules the clinic's screening rules, for its screening API
 * @param allowedOrigins the web sites whose pages may open the clinic's chat and frame its panel; empty for any
 */
public record ClinicChat(DialogueEngine engine, EligibilityRules rules, List<String> allowedOrigins) {

    /** What a clinic's id may be: it is a path segment ({@code /c/{id}/chat}) and a metrics label. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");

    public ClinicChat {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(rules, "rules");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The chat of the clinic an engine speaks for, with that clinic's rules and allowed origins. */
    public static ClinicChat of(DialogueEngine engine) {
        ClinicKnowledge clinic = engine.clinic();
        return new ClinicChat(engine, EligibilityRules.of(clinic), clinic.profile().allowedOrigins());
    }

    /** The chat of a clinic with the shipped knowledge base and recognizer and the default message length. */
    public static ClinicChat of(ClinicProfile profile) {
        return of(DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(), profile)));
    }

    /** The clinic's profile. */
    public ClinicProfile profile() {
        return engine.clinic().profile();
    }

    /**
     * {@code id} when it can be a clinic's id: 1 to 40 lower-case letters, digits and hyphens.
     *
     * @throws IllegalArgumentException naming the id and what was expected
     */
    public static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + id + "\" is not a clinic id; expected 1 to 40 lower-case letters, "
                    + "digits and hyphens, such as harbor-light");
        }
        return id;
    }
}
