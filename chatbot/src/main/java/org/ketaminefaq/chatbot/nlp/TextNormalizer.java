package org.ketaminefaq.chatbot.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Brings a visitor's text to one canonical form, identically for training and classification: Unicode folded
 * (NFKC, accents dropped), lower case, curly quotes straightened, contractions and texting abbreviations spelled
 * out, common misspellings corrected, punctuation dropped.
 *
 * <p>Example: {@code normalize("Hw much is Ketamin infusoin?? I can't afford $$$")} is
 * {@code "how much is ketamine infusion i can not afford dollars"}.
 */
public final class TextNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern REPEATED_LETTERS = Pattern.compile("([a-z])\\1{2,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9$%' ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Multi-word replacements, applied on the token sequence before single-word ones. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("side affects", "side effects"),
            Map.entry("side affect", "side effect"),
            Map.entry("sewer slide", "suicide"),
            Map.entry("k hole", "khole"),
            Map.entry("self harm", "selfharm"),
            Map.entry("w o", "without"));

    /** Contractions, texting abbreviations and frequent misspellings, word by word. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            // contractions
            Map.entry("can't", "can not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
            Map.entry("won't", "will not"), Map.entry("wont", "will not"), Map.entry("don't", "do not"),
            Map.entry("dont", "do not"), Map.entry("doesn't", "does not"), Map.entry("doesnt", "does not"),
            Map.entry("didn't", "did not"), Map.entry("didnt", "did not"), Map.entry("isn't", "is not"),
            Map.entry("isnt", "is not"), Map.entry("aren't", "are not"), Map.entry("wasn't", "was not"),
            Map.entry("shouldn't", "should not"), Map.entry("wouldn't", "would not"), Map.entry("couldn't", "could not"),
            Map.entry("haven't", "have not"), Map.entry("havent", "have not"), Map.entry("hasn't", "has not"),
            Map.entry("i'm", "i am"), Map.entry("i've", "i have"), Map.entry("ive", "i have"),
            Map.entry("i'll", "i will"), Map.entry("i'd", "i would"), Map.entry("you're", "you are"),
            Map.entry("youre", "you are"), Map.entry("it's", "it is"), Map.entry("its", "it is"),
            Map.entry("what's", "what is"), Map.entry("whats", "what is"), Map.entry("that's", "that is"),
            Map.entry("thats", "that is"), Map.entry("there's", "there is"), Map.entry("how's", "how is"),
            Map.entry("let's", "let us"), Map.entry("gonna", "going to"), Map.entry("wanna", "want to"),
            Map.entry("gotta", "got to"), Map.entry("dunno", "do not know"),
            // texting abbreviations
            Map.entry("u", "you"), Map.entry("ya", "you"), Map.entry("r", "are"), Map.entry("ur", "your"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("thx", "thanks"),
            Map.entry("thnx", "thanks"), Map.entry("tx", "thanks"), Map.entry("ty", "thank you"),
            Map.entry("hw", "how"), Map.entry("wat", "what"), Map.entry("wut", "what"), Map.entry("wht", "what"),
            Map.entry("idk", "i do not know"), Map.entry("rn", "right now"), Map.entry("bc", "because"),
            Map.entry("cuz", "because"), Map.entry("coz", "because"), Map.entry("b4", "before"),
            Map.entry("ppl", "people"), Map.entry("w", "with"), Map.entry("abt", "about"), Map.entry("bout", "about"),
            Map.entry("tho", "though"), Map.entry("ok", "okay"), Map.entry("2day", "today"),
            Map.entry("2nite", "tonight"), Map.entry("tonite", "tonight"), Map.entry("appt", "appointment"),
            Map.entry("dr", "doctor"), Map.entry("doc", "doctor"), Map.entry("meds", "medications"),
            Map.entry("med", "medication"), Map.entry("insur", "insurance"), Map.entry("yr", "year"),
            Map.entry("yrs", "years"), Map.entry("hr", "hour"), Map.entry("hrs", "hours"), Map.entry("min", "minutes"),
            Map.entry("mins", "minutes"), Map.entry("wk", "week"), Map.entry("wks", "weeks"),
            Map.entry("$", "dollars"),
            // misspellings
            Map.entry("ketamin", "ketamine"), Map.entry("ketamen", "ketamine"), Map.entry("ketemine", "ketamine"),
            Map.entry("katamine", "ketamine"), Map.entry("ketamne", "ketamine"), Map.entry("ketamene", "ketamine"),
            Map.entry("ketmine", "ketamine"), Map.entry("ketamine's", "ketamine"), Map.entry("ketamines", "ketamine"),
            Map.entry("esketamin", "esketamine"), Map.entry("eskatamine", "esketamine"),
            Map.entry("spravto", "spravato"), Map.entry("sprovato", "spravato"), Map.entry("spravado", "spravato"),
            Map.entry("infusoin", "infusion"), Map.entry("infussion", "infusion"), Map.entry("infusin", "infusion"),
            Map.entry("infution", "infusion"), Map.entry("infusions", "infusion"),
            Map.entry("insurence", "insurance"), Map.entry("insurace", "insurance"), Map.entry("insurnace", "insurance"),
            Map.entry("insureance", "insurance"), Map.entry("sucide", "suicide"), Map.entry("suicde", "suicide"),
            Map.entry("suiside", "suicide"), Map.entry("sucidal", "suicidal"), Map.entry("suicidel", "suicidal"),
            Map.entry("suicidle", "suicidal"), Map.entry("depresion", "depression"),
            Map.entry("anxeity", "anxiety"), Map.entry("anxity", "anxiety"),
            Map.entry("addicitve", "addictive"), Map.entry("adictive", "addictive"), Map.entry("efective", "effective"),
            Map.entry("sesion", "session"), Map.entry("sessoin", "session"),
            Map.entry("seesion", "session"), Map.entry("treatmnt", "treatment"), Map.entry("tretment", "treatment"),
            Map.entry("prise", "price"), Map.entry("cost's", "costs"), Map.entry("eligable", "eligible"),
            Map.entry("elegible", "eligible"), Map.entry("legel", "legal"), Map.entry("ilegal", "illegal"),
            Map.entry("kil", "kill"), Map.entry("kll", "kill"), Map.entry("killl", "kill"));

    private TextNormalizer() {
    }

    /** The canonical form of {@code text}: lower-case words separated by single spaces. */
    public static String normalize(String text) {
        List<String> words = new ArrayList<>();
        for (String token : split(folded(text))) {
            String word = stripQuotes(token);
            if (!word.isEmpty()) {
                words.add(WORDS.getOrDefault(word, word).replace("'", ""));
            }
        }
        String joined = String.join(" ", words);
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            if (joined.contains(phrase.getKey())) {
                joined = replaceWords(joined, phrase.getKey(), phrase.getValue());
            }
        }
        return joined;
    }

    /**
     * Unicode folded (NFKC, accents dropped), backquotes made quotes, lower case, {@code $} made a word, a letter
     * repeated three times or more kept twice, everything but letters, digits, {@code $ % '} and spaces made a space.
     */
    private static String folded(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'');
        folded = COMBINING_MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        folded = folded.replace('`', '\'');
        folded = folded.toLowerCase(Locale.ROOT).replace("$", " $ ");
        folded = REPEATED_LETTERS.matcher(folded).replaceAll("$1$1");
        return NOT_WORD.matcher(folded).replaceAll(" ");
    }

    private static List<String> split(String folded) {
        String stripped = folded.strip();
        return stripped.isEmpty() ? List.of() : List.of(SPACES.split(stripped));
    }

    /** The words of the canonical form; empty when the text has no words. */
    public static String[] tokens(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? new String[0] : normalized.split(" ");
    }

    private static String stripQuotes(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '\'') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '\'') {
            end--;
        }
        return token.substring(start, end);
    }

    private static String replaceWords(String text, String from, String to) {
        String padded = " " + text + " ";
        String replaced = padded.replace(" " + from + " ", " " + to + " ");
        return replaced.equals(padded) ? text : replaced.strip();
    }
}
