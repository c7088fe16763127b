package org.ketaminefaq.chatbot.nlp;

/** What the crisis lexicon sees in a message, in rising order of urgency. */
public enum CrisisSignal {
    /** Nothing that touches on suicide or self-harm. */
    NONE,
    /**
     * The visitor names suicide or self-harm only to deny it for themselves ("I'm not going to hurt myself, I just
     * want a straight answer"): answered with crisis resources attached, and the classifier's crisis class, which
     * reads the same words, is not taken as a crisis.
     */
    DENIED,
    /**
     * Suicide or self-harm as a topic, with nothing personal or present ("does ketamine help with suicidal
     * thoughts?", "I'm not suicidal, I'm asking for my research"): the question is answered, with crisis resources.
     */
    TOPIC,
    /** Another person is at risk: a relative or friend talks about suicide, harms themselves or has tried. */
    SOMEONE_ELSE,
    /** The visitor signals a personal, present danger: crisis resources come before anything else. */
    PERSONAL
}
