package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a message about another named treatment or drug that says nothing of ketamine or of the visitor's ketamine
 * treatment ("how many sessions of ECT do people need", "is TMS covered by insurance"): the bot cannot answer it,
 * however much it is worded like a question it can ("how many sessions", "covered by insurance"). A comparison with
 * ketamine ("is ketamine better than ECT?"), a question about the visitor's own treatment ("can I keep taking my
 * sertraline during the infusions?", "can I do it if I'm on Adderall?") or about combining a medicine with it stays in
 * scope.
 *
 * <pre>{@code
 * OtherTreatments.withoutKetamine("How long is an ECT session?")                 // true
 * OtherTreatments.withoutKetamine("Is ketamine better than ECT?")                // false
 * OtherTreatments.withoutKetamine("I've tried Lexapro and TMS. Would I qualify?") // false: the question is another
 * OtherTreatments.withoutKetamine("Can I take my Zoloft before my infusion?")    // false
 * }</pre>
 */
public final class OtherTreatments {

    private static final Pattern OTHER = Pattern.compile("\\b(ect|electroconvulsive|electroshock|shock therapy|tms"
            + "|rtms|dtms|deep tms|transcranial|magnetic stimulation|psilocybin|magic mushrooms|mushrooms|shrooms|mdma"
            + "|ecstasy|molly|ayahuasca|dmt|lsd|ibogaine|lithium|ssri|ssris|snri|snris|sertraline|zoloft|prozac"
            + "|fluoxetine|lexapro|escitalopram|citalopram|celexa|paxil|paroxetine|effexor|venlafaxine|cymbalta"
            + "|duloxetine|wellbutrin|bupropion|auvelity|trintellix|vortioxetine|remeron|mirtazapine|trazodone|xanax"
            + "|alprazolam|klonopin|clonazepam|valium|diazepam|ativan|lorazepam|benzos|benzodiazepines|seroquel"
            + "|quetiapine|abilify|aripiprazole|lamotrigine|lamictal|adderall|ritalin|vagus nerve|vns|deep brain"
            + "|stellate ganglion|sgb|nitrous oxide|laughing gas|cbd|acupuncture|emdr|hypnotherapy|st johns wort"
            + "|zuranolone|zurzuvae|brexanolone|antipsychotics|antipsychotic|mood stabilizers|mood stabiliser"
            + "|mood stabilisers|mood stabilizer|light therapy|neurofeedback)\\b");

    private static final Pattern KETAMINE = Pattern.compile("\\b(ketamine|esketamine|spravato|ketamina|ket|infusion"
            + "|infusions|troche|troches|lozenge|lozenges|((this|the|my|your|these|those) (treatment|treatments"
            + "|infusion|infusions|session|sessions|appointment|dose|doses))|((before|after|during|between|with)"
            + " (my |the |a |an |each |your )?(treatment|treatments|session|sessions|infusion|infusions|appointment"
            + "|appointments|dose|doses))|(do|have|get|try|start) (it|this)|it (would |will |does |can |could |might )?"
            + "(help|helps|work|works|worked)|(would|will|does|can|could|did|might) it (help|work)|concurrent"
            + "|concomitant|interacts?"
            + "|interactions?|clash|clashes|combine|combining|mix|mixing)\\b");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\n])\\s*");
    private static final Pattern POINTS_BACK = Pattern.compile("\\b(it|this|that|they|them)\\b");

    private OtherTreatments() {
    }

    /**
     * Whether {@code text} asks about another treatment or drug and says nothing of ketamine: the other treatment is
     * named in the question itself (the last sentence that asks, with the one before it when the question points
     * back with "it" or "this"), so that a visitor's story of what they already tried does not make their question
     * about ketamine out of scope.
     */
    public static boolean withoutKetamine(String text) {
        String question = TextNormalizer.normalize(question(text));
        return OTHER.matcher(question).find() && !KETAMINE.matcher(TextNormalizer.normalize(text)).find();
    }

    /** The last sentence that asks (or the last sentence), with the one before it when it points back to it. */
    static String question(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (!sentence.isBlank()) {
                sentences.add(sentence);
            }
        }
        if (sentences.isEmpty()) {
            return "";
        }
        int asks = sentences.size() - 1;
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (sentences.get(i).contains("?")) {
                asks = i;
                break;
            }
        }
        String question = sentences.get(asks);
        boolean pointsBack = POINTS_BACK.matcher(TextNormalizer.normalize(question)).find();
        return pointsBack && asks > 0 ? sentences.get(asks - 1) + " " + question : question;
    }
}
