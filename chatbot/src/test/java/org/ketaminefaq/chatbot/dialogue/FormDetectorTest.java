package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
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
}
