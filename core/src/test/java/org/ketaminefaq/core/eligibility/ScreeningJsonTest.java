package org.ketaminefaq.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;

class ScreeningJsonTest {

    @Test
    void readsEveryFieldByItsName() {
        ScreeningAnswers answers = ScreeningJson.parseAnswers("""
                {"age": 42, "pregnantOrBreastfeeding": false, "diagnoses": ["ptsd", "chronic_pain"],
                 "failedAntidepressantTrials": 2, "uncontrolledHypertension": false, "heartCondition": true,
                 "psychosisHistory": false, "activeSubstanceUseDisorder": false, "ketamineAllergyOrAbuse": false,
                 "porphyria": false, "dementiaOrDelirium": false, "severeLiverDisease": false,
                 "suicidalThoughts": false}
                """);

        assertEquals(Optional.of(42), answers.age());
        assertEquals(Optional.of(Set.of(Diagnosis.PTSD, Diagnosis.CHRONIC_PAIN)), answers.diagnoses());
        assertEquals(Optional.of(2), answers.failedAntidepressantTrials());
        assertEquals(Optional.of(true), answers.yesNo(ScreeningField.HEART_CONDITION));
        for (ScreeningField field : ScreeningField.values()) {
            assertTrue(answers.isAnswered(field), field.id());
        }
    }

    @Test
    void absentAndNullMeanNotAnswered() {
        ScreeningAnswers answers = ScreeningJson.parseAnswers("{\"age\": null}");

        assertEquals(ScreeningAnswers.none(), answers);
    }

    @Test
    void answersSurviveARoundTrip() {
        ScreeningAnswers answers = ScreeningAnswers.builder().age(30).diagnoses(Diagnosis.OCD, Diagnosis.ANXIETY)
                .failedAntidepressantTrials(4).yesNo(ScreeningField.PORPHYRIA, false).build();

        assertEquals(answers, ScreeningJson.parseAnswers(ScreeningJson.toJson(answers)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"favouriteColour\": \"blue\"}       | favouriteColour           | favouriteColour: unknown field",
        "{\"age\": \"34\"}                     | age                       | age: \"34\" is not allowed; expected a whole number",
        "{\"age\": -3}                         | age                       | age: -3 is not allowed",
        "{\"age\": 34.5}                       | age                       | age: 34.5 is not allowed",
        "{\"age\": 99999999999}                | age                       | age: 99999999999 is not allowed",
        "{\"failedAntidepressantTrials\": -1}  | failedAntidepressantTrials | failedAntidepressantTrials: -1 is not allowed",
        "{\"porphyria\": \"yes\"}              | porphyria                 | porphyria: \"yes\" is not allowed; expected true or false",
        "{\"heartCondition\": 1}               | heartCondition            | heartCondition: 1 is not allowed; expected true or false",
        "{\"diagnoses\": \"depression\"}       | diagnoses                 | diagnoses: \"depression\" is not allowed; expected an array",
        "{\"diagnoses\": [\"flu\"]}            | diagnoses                 | diagnoses: unknown diagnosis \"flu\"; expected one of depression",
        "{\"diagnoses\": [3]}                  | diagnoses                 | diagnoses: 3 is not allowed",
    })
    void badInputNamesTheFieldAndTheValue(String json, String field, String messageStart) {
        InvalidScreeningInputException e = assertThrows(InvalidScreeningInputException.class,
                () -> ScreeningJson.parseAnswers(json));

        assertEquals(Optional.of(field), e.field());
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"age\": | not valid JSON", "[1, 2] | expected a JSON object",
        "{} {} | not valid JSON", "'' | expected a JSON object"})
    void inputThatIsNotAnObjectIsRefusedWithoutAField(String json, String messageStart) {
        InvalidScreeningInputException e = assertThrows(InvalidScreeningInputException.class,
                () -> ScreeningJson.parseAnswers(json));

        assertEquals(Optional.empty(), e.field());
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void anAssessmentHasTheDocumentedJsonShape() throws Exception {
        EligibilityRules rules = EligibilityRules.of(
                ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));
        Assessment a = rules.assess(ScreeningAnswers.builder().age(16).yesNo(ScreeningField.SUICIDAL_THOUGHTS, true)
                .build());

        JsonNode json = new ObjectMapper().readTree(ScreeningJson.toJson(a));

        assertEquals("not_suitable", json.get("verdict").asText());
        JsonNode first = json.get("reasons").get(0);
        assertEquals("age", first.get("field").asText());
        assertEquals("under_18", first.get("code").asText());
        assertTrue(first.get("text").asText().length() > 10);
        assertTrue(first.get("sources").get(0).get("id").asText().matches("\\d{3}_[0-9a-f]{16}"));
        assertEquals("tel:988", json.get("resources").get(0).get("href").asText());
    }
}
