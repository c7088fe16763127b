package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ketaminefaq.chatbot.nlp.LabelledUtterance;
import org.ketaminefaq.chatbot.nlp.LiteralScanner;
import org.ketaminefaq.chatbot.nlp.TextNormalizer;
import org.ketaminefaq.chatbot.nlp.UtteranceFiles;
import org.ketaminefaq.core.TreatmentForm;

class FormDetectorTest {

    @Test
    void aFormNamedOnceIsFoundAndTwoFormsAreNone() {
        assertEquals(Optional.of(TreatmentForm.IV), FormDetector.detect("how much is an infusion"));
        assertEquals(Optional.of(TreatmentForm.NASAL_SPRAY), FormDetector.detect("is spravato covered"));
        assertEquals(Optional.of(TreatmentForm.ORAL), FormDetector.detect("can i take it under the tongue"));
        assertEquals(Optional.empty(), FormDetector.detect("iv or a shot"));
        assertEquals(Optional.empty(), FormDetector.detect("how much does it cost"));
    }

    /** The prefilter never skips a pattern that matches, on every training and evaluation message and pairs. */
    @Test
    void thePrefilterNeverSkipsAPatternThatMatches() {
        List<Pattern> patterns = FormDetector.patterns();
        LiteralScanner scanner = LiteralScanner.of(patterns);
        List<String> texts = new ArrayList<>();
        for (LabelledUtterance u : UtteranceFiles.training()) {
            texts.add(TextNormalizer.normalize(u.text()));
        }
        for (LabelledUtterance u : UtteranceFiles.evaluation()) {
            texts.add(TextNormalizer.normalize(u.text()));
        }
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            texts.add(texts.get(random.nextInt(texts.size())) + " " + texts.get(random.nextInt(texts.size())));
        }
        int matches = 0;
        for (String text : texts) {
            boolean[] candidates = scanner.candidates(text);
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    matches++;
                    assertTrue(candidates[i], text);
                }
            }
        }
        assertTrue(matches > 300, "the messages exercise the patterns: " + matches);
    }
}
