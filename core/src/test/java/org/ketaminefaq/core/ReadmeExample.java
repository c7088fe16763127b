package org.ketaminefaq.core;

// README example start
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.Fact;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.PriceInfo;
import org.ketaminefaq.core.Topic;
import org.ketaminefaq.core.TreatmentForm;
import org.ketaminefaq.core.eligibility.Assessment;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.EligibilityRules;
import org.ketaminefaq.core.eligibility.Reason;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;

public class ReadmeExample {
    public static void main(String[] args) {
        KnowledgeBase kb = KnowledgeBase.load();
        ClinicKnowledge clinic = ClinicKnowledge.of(kb, ClinicProfile.defaultProfile());

        // What the sources say one IV infusion costs; each figure keeps its own source.
        if (clinic.price(TreatmentForm.IV) instanceof PriceInfo.GeneralRanges ranges) {
            for (Fact fact : ranges.facts()) {
                System.out.println(fact.text() + " [" + fact.sources().get(0).source() + "]");
            }
        }
        System.out.println(kb.facts(Topic.SIDE_EFFECTS).size() + " side-effect facts");

        // A visitor's screening answers in, a verdict with reasons and sources out.
        ScreeningAnswers answers = ScreeningAnswers.builder()
                .age(34)
                .diagnoses(Diagnosis.DEPRESSION)
                .failedAntidepressantTrials(1)
                .noToAllOtherYesNo()
                .build();
        Assessment assessment = EligibilityRules.of(clinic).assess(answers);
        System.out.println(assessment.verdict().id());          // needs_clinician_review
        for (Reason reason : assessment.reasons()) {
            System.out.println(reason.field().id() + ": " + reason.text());
        }
    }
}
// README example end
