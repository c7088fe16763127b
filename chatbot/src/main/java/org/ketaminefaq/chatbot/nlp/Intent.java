package org.ketaminefaq.chatbot.nlp;

import java.util.Arrays;
import java.util.Optional;

/** What a visitor's message asks for. The ids are those of the training data and the chat protocol. */
public enum Intent {
    WHAT_IS_KETAMINE, HOW_IT_WORKS, CONDITIONS_TREATED, EFFECTIVENESS, ONSET, EFFECT_DURATION, SESSION_LENGTH,
    TREATMENT_COURSE, COST, INSURANCE, SESSION_EXPERIENCE, SIDE_EFFECTS, ADDICTION_RISK, SAFETY, ELIGIBILITY,
    CONTRAINDICATIONS, TREATMENT_OPTIONS, PREPARATION_AFTERCARE, THERAPY_INTEGRATION, LEGALITY, BOOKING,
    HUMAN_HANDOFF, BOT_IDENTITY, GREETING, THANKS, GOODBYE,
    /** A personal, present danger: suicidal thoughts, self-harm. */
    CRISIS,
    /** Someone else at risk: a relative or friend who talks about suicide, harms themselves or has tried. */
    SOMEONE_AT_RISK,
    /** Anything the bot does not answer. */
    OUT_OF_SCOPE;

    private final String id = name().toLowerCase(java.util.Locale.ROOT);

    /** The id in the training data and the protocol, such as {@code effect_duration}. */
    public String id() {
        return id;
    }

    /** Whether this is one of the intents the bot answers (not a crisis of either kind, not out of scope). */
    public boolean inScope() {
        return this != CRISIS && this != SOMEONE_AT_RISK && this != OUT_OF_SCOPE;
    }

    public static Optional<Intent> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
