package org.ketaminefaq.chatbot.dialogue;

import java.util.Optional;
import java.util.regex.Pattern;
import org.ketaminefaq.core.TreatmentForm;

/** Finds the treatment form a message names: "IV", "infusion", "shot", "Spravato", "troches"... */
final class FormDetector {

    private static final Pattern NASAL = Pattern.compile(
            "\\b(spravato|esketamine|nasal|nose spray|spray|sprays|intranasal)\\b");
    private static final Pattern IM = Pattern.compile(
            "\\b(im|intramuscular|intra muscular|shot|shots|injection|injections|injected)\\b");
    private static final Pattern ORAL = Pattern.compile(
            "\\b(oral|orally|pill|pills|tablet|tablets|troche|troches|lozenge|lozenges|sublingual|rdt|rdts"
                    + "|dissolving|under the tongue)\\b");
    private static final Pattern IV = Pattern.compile(
            "\\b(iv|intravenous|infusion|infusions|drip|drips)\\b");

    private FormDetector() {
    }

    /** The form named in {@code normalized} text; when several are named, none is chosen. */
    static Optional<TreatmentForm> detect(String normalized) {
        Optional<TreatmentForm> found = Optional.empty();
        int count = 0;
        if (NASAL.matcher(normalized).find()) {
            found = Optional.of(TreatmentForm.NASAL_SPRAY);
            count++;
        }
        if (IM.matcher(normalized).find()) {
            found = Optional.of(TreatmentForm.IM);
            count++;
        }
        if (ORAL.matcher(normalized).find()) {
            found = Optional.of(TreatmentForm.ORAL);
            count++;
        }
        if (IV.matcher(normalized).find()) {
            found = Optional.of(TreatmentForm.IV);
            count++;
        }
        return count == 1 ? found : Optional.empty();
    }
}
