package org.ketaminefaq.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;

class EligibilityRulesTest {

    private static final ClinicKnowledge CLINIC = ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile());
    private static final EligibilityRules RULES = EligibilityRules.of(CLINIC);

    /** An adult with depression after three antidepressants, "no" to every condition. */
    private static ScreeningAnswers.Builder typicalCandidate() {
        return ScreeningAnswers.builder()
                .age(34)
                .diagnoses(Diagnosis.DEPRESSION)
                .failedAntidepressantTrials(3)
                .noToAllOtherYesNo();
    }

    private static List<String> codes(Assessment a) {
        return a.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void completeAnswersWithNothingAgainstMayBeACandidate() {
        Assessment a = RULES.assess(typicalCandidate().build());

        assertEquals(Verdict.MAY_BE_CANDIDATE, a.verdict());
        assertEquals(List.of("listed_diagnosis", "treatment_resistant"), codes(a));
        assertTrue(a.resources().isEmpty());
    }

    @Test
    void seventeenIsNotSuitableAndEighteenIs() {
        Assessment seventeen = RULES.assess(typicalCandidate().age(17).build());
        Assessment eighteen = RULES.assess(typicalCandidate().age(18).build());

        assertEquals(Verdict.NOT_SUITABLE, seventeen.verdict());
        assertEquals(List.of("under_18"), codes(seventeen));
        assertEquals(ScreeningField.AGE, seventeen.reasons().get(0).field());
        assertEquals(Verdict.MAY_BE_CANDIDATE, eighteen.verdict());
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningField.class, names = {"PREGNANT_OR_BREASTFEEDING", "UNCONTROLLED_HYPERTENSION",
            "HEART_CONDITION", "PSYCHOSIS_HISTORY", "ACTIVE_SUBSTANCE_USE_DISORDER", "KETAMINE_ALLERGY_OR_ABUSE",
            "PORPHYRIA", "DEMENTIA_OR_DELIRIUM", "SEVERE_LIVER_DISEASE"})
    void aYesToAContraindicationIsNotSuitableWithOneReasonForThatField(ScreeningField field) {
        Assessment a = RULES.assess(typicalCandidate().yesNo(field, true).build());

        assertEquals(Verdict.NOT_SUITABLE, a.verdict());
        assertEquals(1, a.reasons().size());
        assertEquals(field, a.reasons().get(0).field());
        assertFalse(a.reasons().get(0).sources().isEmpty(), "a contraindication names its sources");
    }

    @Test
    void everyContraindicationGivesItsOwnReason() {
        ScreeningAnswers.Builder answers = typicalCandidate().age(16);
        for (EligibilityRule rule : EligibilityRules.STANDARD) {
            if (rule instanceof ContraindicationRule c) {
                answers.yesNo(c.field(), true);
            }
        }
        Assessment a = RULES.assess(answers.build());

        assertEquals(Verdict.NOT_SUITABLE, a.verdict());
        assertEquals(10, a.reasons().size(), "age plus the nine conditions");
    }

    @Test
    void noAnswersAtAllNeedsAClinicianWithOneReasonPerMissingField() {
        Assessment a = RULES.assess(ScreeningAnswers.none());

        assertEquals(Verdict.NEEDS_CLINICIAN_REVIEW, a.verdict());
        assertEquals(12, a.reasons().size(), "every field but suicidalThoughts must be answered");
        assertTrue(a.reasons().stream().allMatch(r -> r.code().equals("not_answered")));
        assertTrue(a.reasons().stream().noneMatch(r -> r.field() == ScreeningField.SUICIDAL_THOUGHTS));
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningField.class, names = "SUICIDAL_THOUGHTS", mode = EnumSource.Mode.EXCLUDE)
    void oneMissingAnswerNeedsAClinicianAndSaysWhichOne(ScreeningField missing) {
        ScreeningAnswers full = typicalCandidate().build();
        ScreeningAnswers answers = ScreeningAnswers.none();
        for (ScreeningField field : ScreeningField.values()) {
            if (field != missing) {
                answers = copyAnswer(full, answers, field);
            }
        }
        Assessment a = RULES.assess(answers);

        assertEquals(Verdict.NEEDS_CLINICIAN_REVIEW, a.verdict());
        assertEquals(List.of(missing), a.reasons().stream().map(Reason::field).toList());
        assertTrue(a.reasons().get(0).text().length() > 20);
    }

    private static ScreeningAnswers copyAnswer(ScreeningAnswers from, ScreeningAnswers to, ScreeningField field) {
        return switch (field) {
            case AGE -> to.withAge(from.age().orElseThrow());
            case DIAGNOSES -> to.withDiagnoses(from.diagnoses().orElseThrow());
            case FAILED_ANTIDEPRESSANT_TRIALS ->
                    to.withFailedAntidepressantTrials(from.failedAntidepressantTrials().orElseThrow());
            default -> to.withYesNo(field, from.yesNo(field).orElseThrow());
        };
    }

    @Test
    void aContraindicationOutranksMissingAnswers() {
        Assessment a = RULES.assess(ScreeningAnswers.builder().yesNo(ScreeningField.PORPHYRIA, true).build());

        assertEquals(Verdict.NOT_SUITABLE, a.verdict());
        assertEquals(List.of("porphyria"), codes(a));
    }

    @Test
    void oneFailedTrialNeedsAClinicianAndTwoDoNot() {
        Assessment one = RULES.assess(typicalCandidate().failedAntidepressantTrials(1).build());
        Assessment two = RULES.assess(typicalCandidate().failedAntidepressantTrials(2).build());

        assertEquals(Verdict.NEEDS_CLINICIAN_REVIEW, one.verdict());
        assertEquals(List.of("fewer_than_two_trials"), codes(one));
        assertEquals(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS, one.reasons().get(0).field());
        assertEquals(Verdict.MAY_BE_CANDIDATE, two.verdict());
    }

    @ParameterizedTest
    @EnumSource(value = Diagnosis.class, names = {"DEPRESSION", "BIPOLAR_DEPRESSION", "ANXIETY", "PTSD", "OCD"})
    void fewerThanTwoTrialsCountsForMoodAnxietyAndTraumaDiagnoses(Diagnosis diagnosis) {
        Assessment a = RULES.assess(typicalCandidate().diagnoses(diagnosis).failedAntidepressantTrials(0).build());

        assertEquals(Verdict.NEEDS_CLINICIAN_REVIEW, a.verdict());
    }

    @Test
    void chronicPainAloneDoesNotNeedFailedAntidepressants() {
        Assessment a = RULES.assess(typicalCandidate().diagnoses(Diagnosis.CHRONIC_PAIN).failedAntidepressantTrials(0)
                .build());

        assertEquals(Verdict.MAY_BE_CANDIDATE, a.verdict());
    }

    @Test
    void noDiagnosisOrOnlyOtherNeedsAClinician() {
        Assessment none = RULES.assess(typicalCandidate().diagnoses().build());
        Assessment other = RULES.assess(typicalCandidate().diagnoses(Diagnosis.OTHER).build());
        Assessment otherAndPtsd = RULES.assess(typicalCandidate().diagnoses(Diagnosis.OTHER, Diagnosis.PTSD).build());

        assertEquals(Verdict.NEEDS_CLINICIAN_REVIEW, none.verdict());
        assertEquals(List.of("no_listed_diagnosis"), codes(none));
        assertEquals(Verdict.NEEDS_CLINICIAN_REVIEW, other.verdict());
        assertEquals(Verdict.MAY_BE_CANDIDATE, otherAndPtsd.verdict());
    }

    @Test
    void suicidalThoughtsChangeNoVerdictButAddAReasonAndCrisisResources() {
        for (ScreeningAnswers.Builder answers : List.of(typicalCandidate(), typicalCandidate().age(15),
                ScreeningAnswers.builder())) {
            Verdict without = RULES.assess(answers.build()).verdict();
            Assessment with = RULES.assess(answers.yesNo(ScreeningField.SUICIDAL_THOUGHTS, true).build());

            assertEquals(without, with.verdict());
            assertTrue(with.reasons().stream().anyMatch(r -> r.field() == ScreeningField.SUICIDAL_THOUGHTS
                    && r.code().equals("suicidal_thoughts")));
            assertEquals(CLINIC.crisisResources(), with.resources());
            assertTrue(with.resources().stream().anyMatch(r -> r.href().equals("tel:988")));
        }
    }

    @Test
    void reasonsNeverSayEligibleAndAllPointToAClinician() {
        List<ScreeningAnswers> cases = List.of(typicalCandidate().build(), typicalCandidate().age(12).build(),
                ScreeningAnswers.none(), typicalCandidate().failedAntidepressantTrials(0).build());
        for (ScreeningAnswers answers : cases) {
            for (Reason r : RULES.assess(answers).reasons()) {
                String text = r.text().toLowerCase(Locale.ROOT);
                assertFalse(text.contains("eligible"), r.code() + " says eligible: " + r.text());
                assertFalse(text.contains("approved"), r.code() + " says approved: " + r.text());
            }
        }
        for (ScreeningGuide.ReasonText r : CLINIC.knowledgeBase().screening().reasons()) {
            String text = r.text().toLowerCase(Locale.ROOT);
            assertTrue(text.contains("clinician") || text.contains("doctor") || text.contains("988"),
                    r.code() + " must point to a clinician: " + r.text());
        }
    }

    @Test
    void everyReasonNamesItsFieldsSources() {
        Assessment a = RULES.assess(ScreeningAnswers.none());
        for (Reason r : a.reasons()) {
            assertFalse(r.sources().isEmpty(), r.field().id() + " has no sources");
        }
    }
}
