package org.ketaminefaq.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One validation, in the value itself: the builder, the with methods and the JSON accept and refuse the same. */
class ScreeningAnswersTest {

    private static String refused(Executable call) {
        return assertThrows(InvalidScreeningInputException.class, call).getMessage();
    }

    @Test
    void anAgeOutOfRangeIsRefusedTheSameWayOnEveryPath() {
        String message = "age: 500 is not allowed; expected a whole number from 0 to 130";
        assertEquals(message, refused(() -> ScreeningAnswers.builder().age(500)));
        assertEquals(message, refused(() -> ScreeningAnswers.none().withAge(500)));
        assertEquals(message, refused(() -> ScreeningJson.parseAnswers("{\"age\":500}")));
        assertEquals(message, refused(() -> new ScreeningAnswers(Optional.of(500), Optional.empty(),
                Optional.empty(), null)));
        assertEquals("age: -1 is not allowed; expected a whole number from 0 to 130",
                refused(() -> ScreeningAnswers.builder().age(-1)));
        assertEquals(Optional.of(130), ScreeningAnswers.builder().age(130).build().age());
    }

    @Test
    void aNumberOfTrialsOutOfRangeIsRefusedTheSameWayOnEveryPath() {
        String message = "failedAntidepressantTrials: 1000 is not allowed; expected a whole number from 0 to 100";
        assertEquals(message, refused(() -> ScreeningAnswers.builder().failedAntidepressantTrials(1000)));
        assertEquals(message, refused(() -> ScreeningJson.parseAnswers("{\"failedAntidepressantTrials\":1000}")));
    }

    @Test
    void diagnosesComeFromAnyCollectionAndNeverHoldNull() {
        ScreeningAnswers answers = ScreeningAnswers.none()
                .withDiagnoses(List.of(Diagnosis.DEPRESSION, Diagnosis.PTSD, Diagnosis.DEPRESSION));
        assertEquals(Optional.of(Set.of(Diagnosis.DEPRESSION, Diagnosis.PTSD)), answers.diagnoses());
        assertEquals(Optional.of(Set.of()), ScreeningAnswers.builder().diagnoses().build().diagnoses(),
                "no diagnoses at all answers \"none of these\"");

        String expected = "diagnoses: null is not allowed; expected one of Diagnosis.DEPRESSION, "
                + "Diagnosis.BIPOLAR_DEPRESSION";
        String message = refused(() -> ScreeningAnswers.builder().diagnoses((Diagnosis) null));
        assertEquals(expected, message.substring(0, expected.length()), message);
        assertEquals("diagnoses: null is not allowed; expected a collection of diagnoses, empty for none",
                refused(() -> ScreeningAnswers.none().withDiagnoses(null)));
    }

    @Test
    void aYesNoAnswerOnlyGoesToAYesNoQuestion() {
        assertEquals("age: is not a yes/no question; use withAge",
                refused(() -> ScreeningAnswers.none().withYesNo(ScreeningField.AGE, true)));
        assertEquals("diagnoses: is not a yes/no question; use withDiagnoses",
                refused(() -> ScreeningAnswers.builder().yesNo(ScreeningField.DIAGNOSES, false)));
        assertEquals(Optional.of(true),
                ScreeningAnswers.none().withYesNo(ScreeningField.PORPHYRIA, true).yesNo(ScreeningField.PORPHYRIA));
    }

    @Test
    void theJsonNamesTheWrongTypeAndTheValue() {
        assertEquals("age: \"34\" is not allowed; expected a whole number from 0 to 130",
                refused(() -> ScreeningJson.parseAnswers("{\"age\":\"34\"}")));
        assertEquals("heartCondition: \"no\" is not allowed; expected true or false",
                refused(() -> ScreeningJson.parseAnswers("{\"heartCondition\":\"no\"}")));
    }

    @Test
    void brokenJsonIsDescribedWithoutJacksonsSettingsOrSourceNotes() {
        assertEquals("not valid JSON: Unexpected end-of-input: expected close marker for Object",
                refused(() -> ScreeningJson.parseAnswers("{")));
        assertEquals("not valid JSON: the field \"age\" appears twice",
                refused(() -> ScreeningJson.parseAnswers("{\"age\": 34, \"age\": 35}")));
    }
}
