package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds what a visitor means when they first say what they do not ("I don't mean how long the session is, I mean how
 * long until I feel better"; "not the price, the insurance"): the clauses that deny are left out, so the classifiers
 * see the question that is asked. Both classifiers weigh every word the same, so without this the denied topic,
 * often named in more words, wins.
 *
 * <pre>{@code
 * Negation.focus("I'm not asking how many sessions, I'm asking how long ONE of them lasts")
 *     // "I'm asking how long ONE of them lasts"
 * Negation.focus("how much is it?")   // "how much is it?": nothing denied, nothing left out
 * }</pre>
 */
public final class Negation {

    /** A clause that denies: what comes after it is what the visitor means. */
    private static final Pattern DENYING_CLAUSE = Pattern.compile("^\\s*(i'?m not|i am not|im not|not|i don'?t mean"
            + "|i do not mean|dont mean|i'?m not asking|forget|never ?mind|it'?s not|it is not|this isn'?t|this is not"
            + "|that'?s not|that is not|i wasn'?t|i was not)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_BREAK = Pattern.compile("(?<=[,.;:!?\\u2014\\u2013])|\\s+-+\\s+");
    private static final Pattern PIVOT = Pattern.compile("^\\s*(but|rather|instead|i mean|what i mean is"
            + "|what i want to know is)\\b[,:]?\\s*", Pattern.CASE_INSENSITIVE);

    private Negation() {
    }

    /** The part of {@code text} that asks, without the clauses that only say what it does not ask. */
    public static String focus(String text) {
        List<String> clauses = new ArrayList<>(List.of(CLAUSE_BREAK.split(text)));
        List<String> kept = new ArrayList<>();
        boolean denied = false;
        for (String clause : clauses) {
            if (DENYING_CLAUSE.matcher(clause).find() && !clause.toLowerCase(Locale.ROOT).contains("?")) {
                denied = true;
            } else if (!clause.isBlank()) {
                kept.add(clause);
            }
        }
        if (!denied || kept.isEmpty()) {
            return text;
        }
        String rest = PIVOT.matcher(String.join(" ", kept).strip()).replaceFirst("");
        return rest.split("\\s+").length >= 2 ? rest : text;
    }
}
