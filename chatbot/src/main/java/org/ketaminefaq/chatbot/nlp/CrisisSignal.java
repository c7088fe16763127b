package org.ketaminefaq.chatbot.nlp;

/** What the crisis lexicon sees in a message. */
public enum CrisisSignal {
    /** Nothing that touches on suicide or self-harm. */
    NONE,
    /**
     * Suicide or self-harm as a topic, with nothing personal or present ("does ketamine help with suicidal
     * thoughts?"): the question may be answered, with crisis resources attached.
     */
    TOPIC,
    /** The visitor signals a personal, present danger: crisis resources come before anything else. */
    PERSONAL
}
