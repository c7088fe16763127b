package org.ketaminefaq.chatbot.nlp;

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
 * OtherTreatments.withoutKetamine("how long is an ect session")                 // true
 * OtherTreatments.withoutKetamine("is ketamine better than ect")                // false
 * OtherTreatments.withoutKetamine("can i take my zoloft before my infusion")    // false
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

    private OtherTreatments() {
    }

    /** Whether {@code normalized} text names another treatment or drug and nothing of ketamine. */
    public static boolean withoutKetamine(String normalized) {
        return OTHER.matcher(normalized).find() && !KETAMINE.matcher(normalized).find();
    }
}
