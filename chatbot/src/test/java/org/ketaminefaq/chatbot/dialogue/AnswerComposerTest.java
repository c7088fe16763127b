package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.IntentRecognizer;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.TreatmentForm;

class AnswerComposerTest {

    static final KnowledgeBase KB = KnowledgeBase.load();
    static final String HARBOR_LIGHT = """
            {"name": "Harbor Light Wellness", "phone": "+1 555-0142", "bookingUrl": "https://harborlight.example/book",
             "hours": "Mon-Fri 8am-6pm", "address": "12 Pier Road, Portland, ME",
             "prices": [{"form": "iv", "min": 475, "max": 475, "per": "infusion"},
                        {"form": "nasal_spray", "min": 900, "max": 1200, "per": "month"}],
             "insuranceNotes": "We give you a superbill to send to your insurer.",
             "crisis": {"country": "US", "emergencyNumber": "911",
                        "resources": [{"name": "988 Suicide & Crisis Lifeline", "contact": "Call or text 988", "href": "tel:988"}]}}
            """;
    static final AnswerComposer GENERAL = AnswerComposer.load(ClinicKnowledge.of(KB, ClinicProfile.defaultProfile()));
    static final AnswerComposer CLINIC = AnswerComposer.load(ClinicKnowledge.of(KB, ClinicProfile.load("harbor.json",
            new ByteArrayInputStream(HARBOR_LIGHT.getBytes(StandardCharsets.UTF_8)))));

    /** Every answer and every form variant, for the default profile and for a clinic with every detail. */
    static Stream<Arguments> everyAnswer() {
        List<Arguments> all = new ArrayList<>();
        for (AnswerComposer composer : List.of(GENERAL, CLINIC)) {
            String profile = composer == GENERAL ? "default" : "clinic";
            for (Intent intent : Intent.values()) {
                all.add(Arguments.of(profile + " " + intent.id(), composer.compose(intent, Optional.empty())));
                if (composer.hasFormVariants(intent)) {
                    for (TreatmentForm form : TreatmentForm.values()) {
                        all.add(Arguments.of(profile + " " + intent.id() + " " + form.id(),
                                composer.compose(intent, Optional.of(form))));
                    }
                }
            }
            for (SpecificQuestion question : SpecificQuestion.values()) {
                all.add(Arguments.of(profile + " " + question.id(), composer.compose(question)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAnswer")
    void everyAnswerIsShortAndPlain(String name, Answer answer) {
        assertTrue(Readability.words(answer.text()) <= 120, name + " has " + Readability.words(answer.text())
                + " words: " + answer.text());
        assertTrue(Readability.grade(answer.text()) <= 9.0, name + " reads at grade "
                + Readability.grade(answer.text()) + ": " + answer.text());
        assertFalse(answer.text().contains("{"), name + " has an unfilled placeholder: " + answer.text());
        String lower = answer.text().toLowerCase(Locale.ROOT);
        for (String banned : List.of("miracle", "breakthrough", " cure ", "eligible", "guarantee")) {
            assertFalse(lower.contains(banned), name + " says \"" + banned.strip() + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAnswer")
    void medicalAnswersNameTheirSourcesAndEndByPointingToAClinician(String name, Answer answer) {
        if (!List.of(Intent.BOOKING, Intent.HUMAN_HANDOFF, Intent.BOT_IDENTITY, Intent.GREETING, Intent.THANKS,
                Intent.GOODBYE, Intent.CRISIS, Intent.SOMEONE_AT_RISK, Intent.OUT_OF_SCOPE).contains(answer.intent())) {
            assertFalse(answer.sources().isEmpty(), name + " names no source");
            String[] sentences = answer.text().split("(?<=[.!?])\\s+");
            String last = sentences[sentences.length - 1].toLowerCase(Locale.ROOT);
            assertTrue(last.contains("clinician") || last.contains("doctor"), name + " ends with: " + last);
            assertTrue(answer.quickReplies().size() >= 2 && answer.quickReplies().size() <= 3, name);
        }
    }

    @Test
    void aClinicsPriceFlowsIntoTheCostAnswerAndTheGeneralRangesOtherwise() {
        String clinic = CLINIC.compose(Intent.COST, Optional.of(TreatmentForm.IV)).text();
        String general = GENERAL.compose(Intent.COST, Optional.of(TreatmentForm.IV)).text();

        assertTrue(clinic.contains("At Harbor Light Wellness, an IV infusion costs $475 per infusion"), clinic);
        assertFalse(general.contains("$475"), general);
        assertTrue(general.contains("$400 to $900 per infusion"), general);
    }

    @Test
    void theCostAnswerGivesBothRangesWhereSourcesDisagreeAndSaysItVaries() {
        Answer cost = GENERAL.compose(Intent.COST, Optional.empty());

        assertTrue(cost.text().contains("$400 to $900"), cost.text());
        assertTrue(cost.text().contains("from $400"), cost.text());
        assertTrue(cost.text().toLowerCase(Locale.ROOT).contains("vary"), cost.text());
        assertTrue(cost.sources().stream().map(c -> c.id()).distinct().count() >= 2, cost.sources().toString());
    }

    @Test
    void bookingUsesTheClinicsContactDetailsOrSaysWhatToDoWithoutThem() {
        String withContact = CLINIC.compose(Intent.BOOKING, Optional.empty()).text();
        String without = GENERAL.compose(Intent.BOOKING, Optional.empty()).text();
        String handoffWithout = GENERAL.compose(Intent.HUMAN_HANDOFF, Optional.empty()).text();

        assertTrue(withContact.contains("+1 555-0142") && withContact.contains("https://harborlight.example/book"),
                withContact);
        assertTrue(without.contains("I don't have this clinic's contact details"), without);
        assertTrue(handoffWithout.toLowerCase(Locale.ROOT).contains("automated"), handoffWithout);
    }

    @Test
    void theCrisisAnswerAcknowledgesFirstAndGivesTheEmergencyNumber() {
        String crisis = GENERAL.compose(Intent.CRISIS, Optional.empty()).text();

        assertTrue(crisis.startsWith("I'm really sorry you're feeling this way."), crisis);
        assertTrue(crisis.contains("call 911"), crisis);
        assertTrue(crisis.contains("automated"), crisis);
    }

    @Test
    void everyFollowUpIsRecognisedAsTheIntentItIsMeantFor() {
        IntentRecognizer recognizer = IntentRecognizer.shipped();
        List<String> wrong = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            GENERAL.compose(intent, Optional.empty());
            for (AnswerBook.FollowUp followUp : AnswerBook.load(KB).template(intent).followUps()) {
                Intent decided = recognizer.recognize(followUp.text()).intent();
                if (!decided.id().equals(followUp.intent())) {
                    wrong.add("\"" + followUp.text() + "\" -> " + decided.id() + " (meant " + followUp.intent() + ")");
                }
            }
        }
        for (SpecificQuestion question : SpecificQuestion.values()) {
            for (AnswerBook.FollowUp followUp : AnswerBook.load(KB).specific(question).followUps()) {
                Intent decided = recognizer.recognize(followUp.text()).intent();
                if (!decided.id().equals(followUp.intent())) {
                    wrong.add("\"" + followUp.text() + "\" -> " + decided.id() + " (meant " + followUp.intent() + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
