package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises direct and indirect crisis phrasings, including talk of means and plans, in normalised text, tolerating
 * one typo in longer words. It runs on its own, before and regardless of the intent classifier, so that no
 * confidence threshold can ever hide a visitor in crisis.
 *
 * <p>Example: {@code detect("i wanna kil myslef")} and {@code detect("everyone would be better off without me")}
 * are {@link CrisisSignal#PERSONAL}; {@code detect("does ketamine help with suicidal thoughts")} is
 * {@link CrisisSignal#TOPIC}.
 */
public final class CrisisLexicon {

    private static final String SELF = "my ?self";
    private static final String INTEND = "(want|wanted|wanting|going|gonna|ready|plan|planning|plans|about|trying|tried"
            + "|decided|deserve|need|wish|would like|thinking about how|figure out how)";

    /** Phrasings that signal a personal, present danger on their own. */
    private static final List<Pattern> PERSONAL = compile(
            // direct
            "\\b(kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|shoot|shooting|hang|hanging|drown|drowning"
                    + "|poison|poisoning|burn|burning|starve|starving|off|offing|unalive|unaliving|end|ending) my ?self\\b",
            "\\b(end|ending|take|taking|took) (my|my own) life\\b",
            "\\bend(ing)? (it all|everything|my suffering|my pain for good)\\b",
            "\\bend(ing)? it (tonight|today|now|soon|forever|for good|this week|this weekend|tomorrow)\\b",
            "\\b(going to|gonna|want to|will|about to|ready to|plan to|planning to|decided to) end (it|this|things"
                    + "|everything)\\b",
            "\\bunalive\\b", "\\bkms\\b", "\\bkys\\b",
            "\\b" + INTEND + " to (die|be dead|not exist|disappear forever|disappear for good|not wake up|never wake up)\\b",
            "\\b(i|i am|im) (want|wanna|wish|wished) (to die|i (was|were) dead|i was never born|i were never born"
                    + "|to be dead)\\b",
            "\\bwish i (was|were) (dead|never born|not alive|gone)\\b",
            "\\b(i should|i will|i would rather|i had rather|might as well) (just )?(die|be dead|not be here)\\b",
            "\\bbetter off dead\\b",
            "\\b(do not|not|never) want to (be here|live|exist|wake up|be alive|keep living|go on|be around)\\b",
            "\\b(no|not any|not a single) (reason|point) (to|in|for) (live|living|going on|being alive|being here|me"
                    + " to live|staying alive|keep going|life)\\b",
            "\\bwhat is the point (of|in) (living|going on|life|being alive|being here|staying alive|me)\\b",
            "\\b(better off|happier|be fine|be okay) without me\\b",
            "\\b(no ?one|nobody) (would|will) (miss|notice|care if i|care when i)\\b",
            "\\bwould not (miss|notice) me\\b",
            "\\bcan not (go on|keep going|keep living|do this anymore|take (it|this|this pain) anymore|live like this"
                    + "|carry on|keep doing this)\\b",
            "\\b(tired|sick) of (living|being alive|life|existing)\\b",
            "\\bsuicide (note|letter|plan|attempt)\\b",
            "\\b(goodbye|farewell) (note|notes|letter|letters|messages)\\b",
            "\\b(wrote|written|writing|write) (a |my |some )?(goodbye|farewell|last) (note|notes|letter|letters"
                    + "|messages)\\b",
            "\\b(picked|chose|chosen|set|setting|picking|choosing) (a|the) (date|day)\\b",
            "\\b(saved|saving|stockpiled|stockpiling|hoarded|hoarding|collected|collecting|stashed|stashing|got|have"
                    + "|bought|counted|counting) (up )?(my |all my |all the |all of my |a bunch of |a lot of |enough "
                    + "|some )?(pills|meds|medications|medication|sleeping pills|painkillers|tablets|opioids)\\b.{0,40}"
                    + "\\b(to|for|and|so|enough|take|taking|swallow|end|die|all at once|at once)\\b",
            "\\benough (pills|medications|meds|tablets|painkillers) to\\b",
            "\\btake (all|all of) (my|the) (pills|medications|meds|tablets)\\b",
            "\\b" + INTEND + " (to )?overdos(e|ing)\\b", "\\boverdos(e|ing) (on purpose|tonight|to die)\\b",
            "\\b(thinking|thought|think) (about|of) (overdosing|dying|killing|ending|suicide|hanging|jumping|cutting"
                    + "|shooting)\\b",
            "\\b(gun|rope|noose|razor|blade|knife|pills|bridge|cliff|roof|train)\\b.{0,60}\\b(use it|using it|on "
                    + "myself|end it|end my|kill|die|jump|do it)\\b",
            "\\bjump(ing)? (off|from|in front of) (a|the|my) (bridge|building|roof|cliff|train|balcony)\\b",
            "\\b(cutting|cut|burning|burn|scratching|hitting|hurting|harming) (again|myself|my arms|my legs|my wrists)\\b",
            "\\bself ?harm(ing)?\\b.{0,30}\\b(again|still|been|started|i|my|urge|urges)\\b",
            "\\b(i|i am|im|i have|been|keep) (self ?harm|selfharm)(ing)?\\b",
            "\\b(i am|im|i feel|feeling|been feeling|i have been|i was|i get|getting) (so |really |very |kind of |pretty )?"
                    + "(suicidal|hopeless and suicidal)\\b",
            "\\b(i have|i have been having|i keep having|having|i get|i am having|my|been having) (really |constant "
                    + "|bad |dark |these |some |a lot of )?(suicidal|suicide) (thoughts|feelings|ideation|urges|thinking)\\b",
            "\\b(i have|having|i get|i keep having|my) (thoughts|ideas|urges) (of|about) (suicide|killing myself|dying"
                    + "|ending it|ending my life)\\b",
            "\\bsuicid(e|al)\\b.{0,40}\\b(right now|tonight|again)\\b",
            "\\b(want|wanna|ready|going|plan|planning|about) to (kill|hurt|harm|shoot|hang|poison) " + SELF + "\\b");

    /** Suicide and self-harm as a subject, without anything personal. */
    private static final Pattern TOPIC = Pattern.compile(
            "\\b(suicid(e|al|ality)|self ?harm(ing)?|selfharm|wanting to die|death wish)\\b");

    /** Longer words of the lexicon that a one-letter typo should still match. */
    private static final List<String> VOCABULARY_IN_ORDER = List.of("myself", "suicide", "suicidal", "overdose",
            "overdosing", "anymore", "goodbye", "without", "killing", "harming", "cutting", "tonight", "unalive", "hanging",
            "living", "better", "nobody", "reason", "pills", "medications", "letters", "disappear", "planning",
            "deserve", "wanted", "exist", "nothing");
    private static final Set<String> VOCABULARY = Set.copyOf(VOCABULARY_IN_ORDER);
    /**
     * For each word length, the vocabulary words one edit can reach (one letter shorter, as long or one longer), in
     * the order listed: a typo is checked against those only, and always in the same order, so that a word one edit
     * from two vocabulary words is corrected the same way in every run.
     */
    private static final List<List<String>> REACHABLE_BY_LENGTH = reachableByLength();

    private CrisisLexicon() {
    }

    /** What the lexicon sees in {@code normalized}, the output of {@link TextNormalizer#normalize(String)}. */
    public static CrisisSignal detect(String normalized) {
        String corrected = correctTypos(normalized);
        for (Pattern p : PERSONAL) {
            if (p.matcher(corrected).find()) {
                return CrisisSignal.PERSONAL;
            }
        }
        return TOPIC.matcher(corrected).find() ? CrisisSignal.TOPIC : CrisisSignal.NONE;
    }

    /** Replaces a word one edit away from a lexicon word (and at least five letters long) by that word. */
    static String correctTypos(String normalized) {
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5) {
                words[i] = correction(words[i]).orElse(words[i]);
            }
        }
        return String.join(" ", words);
    }

    /** The lexicon word a word is a typo of; empty for a lexicon word itself and for a word no lexicon word is near. */
    private static Optional<String> correction(String word) {
        if (VOCABULARY.contains(word) || word.length() >= REACHABLE_BY_LENGTH.size()) {
            return Optional.empty();
        }
        for (String known : REACHABLE_BY_LENGTH.get(word.length())) {
            if (withinOneEdit(word, known)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> reachableByLength() {
        int longest = VOCABULARY_IN_ORDER.stream().mapToInt(String::length).max().orElse(0);
        List<List<String>> reachable = new ArrayList<>();
        for (int length = 0; length <= longest + 1; length++) {
            int n = length;
            reachable.add(VOCABULARY_IN_ORDER.stream().filter(w -> Math.abs(w.length() - n) <= 1).toList());
        }
        return List.copyOf(reachable);
    }

    /** Damerau-Levenshtein distance of at most one: one insertion, deletion, substitution or swap of neighbours. */
    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) {
                        first = i;
                    }
                }
            }
            if (diffs == 1) {
                return true;
            }
            return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        // the rest after the extra letter, compared in place: this runs for each long word of every message against
        // every lexicon word of about its length
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }

    private static List<Pattern> compile(String... patterns) {
        return java.util.Arrays.stream(patterns).map(Pattern::compile).toList();
    }
}
