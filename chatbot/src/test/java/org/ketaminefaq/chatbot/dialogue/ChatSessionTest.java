package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.IntentClassifier;
import org.ketaminefaq.chatbot.nlp.IntentRecognizer;
import org.ketaminefaq.chatbot.nlp.IntentScore;
import org.ketaminefaq.chatbot.nlp.RecognitionPolicy;
import org.ketaminefaq.chatbot.nlp.Recognition;
import org.ketaminefaq.chatbot.nlp.TextNormalizer;
import org.ketaminefaq.core.ClinicKnowledge;
import org.ketaminefaq.core.ClinicProfile;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.TreatmentForm;
import org.ketaminefaq.core.eligibility.ScreeningField;
import org.ketaminefaq.core.eligibility.Verdict;

class ChatSessionTest {

    static final DialogueEngine ENGINE = DialogueEngine.create(
            ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()));

    /** Free-text answers to the thirteen questions of a typical candidate, in order. */
    static final List<String> CANDIDATE = List.of("I'm 34", "no", "I have depression", "I've tried three", "nope", "no",
            "no", "no", "never", "no", "no", "no", "no");

    private final ChatSession chat = ENGINE.newSession();

    @Test
    void theWelcomeSaysItIsAnAutomatedAssistantAndWhatToDoInAnEmergency() {
        Reply.Welcome w = chat.start();

        assertTrue(w.text().contains("automated assistant, not a clinician"), w.text());
        assertTrue(w.text().contains("911") && w.text().contains("988"), w.text());
        assertTrue(w.disclaimer().contains("not medical advice"), w.disclaimer());
        assertFalse(w.quickReplies().isEmpty());
    }

    @Test
    void aQuestionIsAnsweredFromTheKnowledgeBaseWithSources() {
        Reply.AnswerReply cost = assertInstanceOf(Reply.AnswerReply.class, chat.message("how much does it cost?"));

        assertEquals(Intent.COST, cost.intent());
        assertTrue(cost.confidence().isPresent());
        assertTrue(cost.text().contains("$400 to $900"), cost.text());
        assertFalse(cost.sources().isEmpty());
    }

    @Test
    void aFullScreeningByFreeTextEndsWithTheRulesVerdictAndAPointerToBooking() {
        Reply.Question first = assertInstanceOf(Reply.Question.class, chat.message("am I a candidate for ketamine?"));
        assertEquals(ScreeningField.AGE, first.field());
        assertEquals(1, first.step());
        assertEquals(13, first.of());

        Reply last = first;
        for (int i = 0; i < CANDIDATE.size(); i++) {
            last = chat.message(CANDIDATE.get(i));
            if (i < CANDIDATE.size() - 1) {
                Reply.Question q = assertInstanceOf(Reply.Question.class, last, "after " + CANDIDATE.get(i));
                assertEquals(i + 2, q.step());
            }
        }
        Reply.Result result = assertInstanceOf(Reply.Result.class, last);
        assertEquals(Verdict.MAY_BE_CANDIDATE, result.assessment().verdict());
        assertTrue(result.text().contains("may be a candidate for an evaluation"), result.text());
        assertTrue(result.text().contains("contact details"), result.text());
        assertFalse(result.text().toLowerCase(Locale.ROOT).contains("eligible"));
    }

    @Test
    void aScreeningByButtonsWorksToo() {
        chat.message("Am I a candidate?");
        chat.message("25 to 64");
        chat.message("No");
        Reply.Question more = assertInstanceOf(Reply.Question.class, chat.message("Depression"));
        assertEquals(ScreeningField.DIAGNOSES, more.field());
        assertTrue(more.text().contains("Depression"), more.text());
        chat.message("PTSD");
        Reply.Question trials = assertInstanceOf(Reply.Question.class, chat.message("Done"));
        assertEquals(ScreeningField.FAILED_ANTIDEPRESSANT_TRIALS, trials.field());
        Reply last = chat.message("3 or more");
        for (int i = 0; i < 9; i++) {
            last = chat.message("No");
        }
        Reply.Result result = assertInstanceOf(Reply.Result.class, last);
        assertEquals(Verdict.MAY_BE_CANDIDATE, result.assessment().verdict());
    }

    @Test
    void underEighteenIsNotSuitableAndNotSureLeavesItToAClinician() {
        chat.message("could this work for me?");
        Reply last = chat.message("I'm 17");
        for (int i = 1; i < 13; i++) {
            last = chat.message(i == 2 ? "I have anxiety" : i == 3 ? "2" : "not sure");
        }
        Reply.Result result = assertInstanceOf(Reply.Result.class, last);
        assertEquals(Verdict.NOT_SUITABLE, result.assessment().verdict());
        assertTrue(result.text().contains("generally not recommended"), result.text());
    }

    @Test
    void aCrisisInTheMiddleOfAScreeningGetsCrisisResourcesFirstAndEndsTheScreening() {
        chat.message("am I eligible for this");
        chat.message("45");
        Reply.Crisis crisis = assertInstanceOf(Reply.Crisis.class, chat.message("honestly i just want to die"));

        assertTrue(crisis.text().startsWith("I'm really sorry"), crisis.text());
        assertTrue(crisis.resources().stream().anyMatch(r -> r.href().equals("tel:988")));
        assertInstanceOf(Reply.AnswerReply.class, chat.message("what are the side effects?"));
    }

    @Test
    void someoneWorriedAboutARelativeGetsHowToHelpAndTheResourcesNeverASorryYouFeelThisWay() {
        Reply.Crisis reply = assertInstanceOf(Reply.Crisis.class,
                chat.message("my dad keeps saying he wants to die, how can I help him?"));

        assertEquals(Recognition.Concern.SOMEONE_ELSE, reply.concern());
        assertFalse(reply.text().contains("sorry you're feeling"), reply.text());
        assertTrue(reply.text().contains("Ask them directly") && reply.text().contains("988")
                && reply.text().contains("call 911"), reply.text());
        assertTrue(reply.text().contains("automated"), reply.text());
        assertTrue(reply.resources().stream().anyMatch(r -> r.href().equals("tel:988")));
    }

    @Test
    void aRelativesPastAttemptGetsTheResourcesFirstAndThenTheAnswerWithItsSources() {
        Reply.Crisis reply = assertInstanceOf(Reply.Crisis.class,
                chat.message("my mom tried to kill herself last month, could ketamine help her?"));

        assertEquals(Recognition.Concern.SOMEONE_ELSE, reply.concern());
        assertFalse(reply.resources().isEmpty());
        int help = reply.text().indexOf("Ask them directly");
        int answer = reply.text().indexOf("depression");
        assertTrue(help >= 0 && answer > help, "how to help first, then the answer: " + reply.text());
        assertFalse(reply.sources().isEmpty(), "the answer's sources go with it");
    }

    @Test
    void aPriceAskedBesideSomeoneElsesCrisisIsNotGivenInTheSameReply() {
        Reply.Crisis reply = assertInstanceOf(Reply.Crisis.class,
                chat.message("my son is suicidal, how much does ketamine cost?"));

        assertFalse(reply.text().contains("$"), reply.text());
        assertTrue(reply.sources().isEmpty());
    }

    @Test
    void aCrisisInSpanishOffersHelpInSpanishFirst() {
        Reply.Crisis reply = assertInstanceOf(Reply.Crisis.class, chat.message("no quiero vivir"));

        assertTrue(reply.text().startsWith("Este asistente solo responde en inglés. Si necesitas ayuda ahora, llama al "
                + "988 y marca 2 para español"), reply.text());
        assertTrue(reply.text().contains("I'm really sorry"), reply.text());
        assertFalse(reply.resources().isEmpty());
    }

    @Test
    void anyOtherMessageInSpanishGetsTheSpanishNoticeAndTheCrisisLinesNeverAGreeting() {
        for (String text : List.of("hola", "¿Cuánto cuesta una sesión de ketamina?")) {
            Reply.Fallback reply = assertInstanceOf(Reply.Fallback.class, ENGINE.newSession().message(text), text);
            assertTrue(reply.text().startsWith("Este asistente solo responde en inglés."), reply.text());
            assertTrue(reply.text().contains("marca 2 para español"), reply.text());
            assertFalse(reply.resources().isEmpty());
        }
    }

    @Test
    void oddTextGetsOneOrdinaryReplyEach() {
        for (String text : List.of("🙂🙂🙂", "кетамин", "\u0007\u0000 ?", "ケタミンの費用", "a".repeat(1000))) {
            Reply reply = ENGINE.newSession().message(text);
            assertTrue(reply instanceof Reply.Fallback || reply instanceof Reply.AnswerReply, text + " -> " + reply);
        }
    }

    @Test
    void aQuestionInTheMiddleOfAScreeningIsAnsweredAndTheScreeningResumes() {
        chat.message("am I a candidate");
        Reply.AnswerReply side = assertInstanceOf(Reply.AnswerReply.class,
                chat.message("wait, what are the common side effects?"));
        assertEquals(Intent.SIDE_EFFECTS, side.intent());
        assertTrue(side.text().contains("Back to the questions: How old are you?"), side.text());

        Reply.Question next = assertInstanceOf(Reply.Question.class, chat.message("52"));
        assertEquals(ScreeningField.PREGNANT_OR_BREASTFEEDING, next.field());
    }

    @Test
    void aScreeningAnswerIsAnAnswerEvenWhenTheClassifiersLeanTowardsACrisisButACrisisPhraseNeverIs() {
        // classifiers that read every message but the opening question as a likely crisis
        IntentClassifier leaningToCrisis = text -> text.contains("candidate")
                ? List.of(new IntentScore(Intent.ELIGIBILITY, 0.9), new IntentScore(Intent.CRISIS, 0.1))
                : List.of(new IntentScore(Intent.CRISIS, 0.9), new IntentScore(Intent.COST, 0.1));
        DialogueEngine engine = DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(),
                ClinicProfile.defaultProfile()), IntentRecognizer.of(leaningToCrisis, leaningToCrisis,
                new RecognitionPolicy(1.0, 0.0, 0.0, 0.5, 0.5, true)), 1000);
        ChatSession session = engine.newSession();

        assertEquals(ScreeningField.AGE, assertInstanceOf(Reply.Question.class,
                session.message("am I a candidate for ketamine?")).field());
        assertEquals(ScreeningField.PREGNANT_OR_BREASTFEEDING, assertInstanceOf(Reply.Question.class,
                session.message("I'm 34")).field());
        assertInstanceOf(Reply.Crisis.class, session.message("what happens next"));

        ChatSession other = engine.newSession();
        other.message("am I a candidate for ketamine?");
        assertInstanceOf(Reply.Crisis.class, other.message("I'm 34 and I want to kill myself"));
    }

    /** A session whose classifiers rank every message the same way, with a threshold of 0.5. */
    private static ChatSession sessionRankingAs(IntentScore... ranking) {
        IntentClassifier fixed = text -> List.of(ranking);
        return DialogueEngine.create(ClinicKnowledge.of(KnowledgeBase.load(), ClinicProfile.defaultProfile()),
                IntentRecognizer.of(fixed, fixed, new RecognitionPolicy(1.0, 0.5, 0.0, 0.9, 0.9, true)), 1000)
                .newSession();
    }

    @Test
    void unsureBetweenTwoTopicsAsksWhichIsMeant() {
        ChatSession unsure = sessionRankingAs(new IntentScore(Intent.SESSION_LENGTH, 0.35),
                new IntentScore(Intent.TREATMENT_COURSE, 0.33), new IntentScore(Intent.OUT_OF_SCOPE, 0.32));

        Reply.Fallback reply = assertInstanceOf(Reply.Fallback.class, unsure.message("how long is it all"));
        assertEquals(List.of(Intent.SESSION_LENGTH, Intent.TREATMENT_COURSE),
                reply.suggestions().stream().map(Reply.Suggestion::intent).toList());
        assertTrue(reply.text().startsWith("I'm not sure I understood. Do you mean \u201cHow long a session takes\u201d or "
                + "\u201cHow many sessions\u201d?"), reply.text());
    }

    @Test
    void aCloseCallBetweenTwoTopicsAsksWhichIsMeantEvenAboveTheThreshold() {
        ChatSession close = sessionRankingAs(new IntentScore(Intent.SESSION_LENGTH, 0.52),
                new IntentScore(Intent.TREATMENT_COURSE, 0.45), new IntentScore(Intent.OUT_OF_SCOPE, 0.03));

        Reply.Fallback reply = assertInstanceOf(Reply.Fallback.class, close.message("how long does it take"));
        assertEquals(List.of(Intent.SESSION_LENGTH, Intent.TREATMENT_COURSE),
                reply.suggestions().stream().map(Reply.Suggestion::intent).toList());
    }

    @Test
    void unsureOfTheTopicButTheWordsNameANarrowerQuestionAboutKetamineGetsItsAnswer() {
        ChatSession unsure = sessionRankingAs(new IntentScore(Intent.WHAT_IS_KETAMINE, 0.3),
                new IntentScore(Intent.ONSET, 0.25), new IntentScore(Intent.OUT_OF_SCOPE, 0.2));

        Reply.AnswerReply street = assertInstanceOf(Reply.AnswerReply.class,
                unsure.message("is ketamine the same as special K?"));
        assertEquals(ENGINE.answers().compose(SpecificQuestion.STREET_KETAMINE).text(), street.text());
        assertInstanceOf(Reply.Fallback.class, unsure.message("is that like the horse tranquilizer?"),
                "a message that does not name ketamine may be about another drug");
    }

    @Test
    void aClearLeadIsAnsweredWithoutAsking() {
        ChatSession clear = sessionRankingAs(new IntentScore(Intent.SESSION_LENGTH, 0.62),
                new IntentScore(Intent.TREATMENT_COURSE, 0.35), new IntentScore(Intent.OUT_OF_SCOPE, 0.03));

        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, clear.message("how long does it take"));
        assertEquals(Intent.SESSION_LENGTH, reply.intent());
    }

    @Test
    void noIdeaOffersTheMostAskedTopics() {
        ChatSession lost = sessionRankingAs(new IntentScore(Intent.OUT_OF_SCOPE, 0.9),
                new IntentScore(Intent.LEGALITY, 0.06), new IntentScore(Intent.GREETING, 0.04));

        Reply.Fallback reply = assertInstanceOf(Reply.Fallback.class, lost.message("who won the game last night"));
        assertEquals(List.of(Intent.WHAT_IS_KETAMINE, Intent.COST, Intent.SAFETY),
                reply.suggestions().stream().map(Reply.Suggestion::intent).toList());
    }

    @Test
    void anAnswerTheScreeningCannotReadAsksTheQuestionAgainWithItsButtons() {
        chat.message("am I a candidate?");
        chat.message("34");
        Reply.Question again = assertInstanceOf(Reply.Question.class, chat.message("3"));

        assertEquals(ScreeningField.PREGNANT_OR_BREASTFEEDING, again.field());
        assertTrue(again.text().startsWith("Sorry, I didn't catch that."), again.text());
        assertEquals(List.of("Yes", "No", "Not sure"), again.quickReplies());
    }

    @Test
    void noWithNoQuestionWaitingIsNotAGoodbye() {
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, chat.message("no"));

        assertTrue(reply.text().contains("don't have a question waiting"), reply.text());
        assertTrue(reply.quickReplies().contains("Am I a candidate?"), reply.quickReplies().toString());
    }

    @Test
    void helpShowsWhatTheAssistantCanDoAndTheCrisisLines() {
        Reply.AnswerReply help = assertInstanceOf(Reply.AnswerReply.class, chat.message("help"));

        assertTrue(help.text().contains("I can tell you"), help.text());
        assertTrue(help.quickReplies().size() >= 3, help.quickReplies().toString());
        assertFalse(help.resources().isEmpty());
    }

    @Test
    void stopLeavesTheScreening() {
        chat.message("do i qualify");
        Reply.AnswerReply stopped = assertInstanceOf(Reply.AnswerReply.class, chat.message("stop"));
        assertTrue(stopped.text().contains("stopped the questions"), stopped.text());
        assertInstanceOf(Reply.AnswerReply.class, chat.message("is it addictive?"));
    }

    /** Answers every question as {@link #CANDIDATE} does, but the last one, about suicidal thoughts, as given. */
    private Reply screenAndAnswerTheLastQuestion(String last) {
        chat.message("am I a candidate for ketamine?");
        Reply reply = null;
        for (int i = 0; i < CANDIDATE.size(); i++) {
            reply = chat.message(i == CANDIDATE.size() - 1 ? last : CANDIDATE.get(i));
        }
        return reply;
    }

    @Test
    void aYesToSuicidalThoughtsGetsSupportFirstWithNothingToBookAndAChoice() {
        Reply.Crisis support = assertInstanceOf(Reply.Crisis.class, screenAndAnswerTheLastQuestion("yes"));

        assertEquals(Recognition.Concern.SELF, support.concern());
        assertTrue(support.text().startsWith("Thank you for telling me."), support.text());
        assertTrue(support.text().contains("automated"), support.text());
        assertFalse(support.resources().isEmpty());
        String lower = support.text().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("candidate") || lower.contains("book") || lower.contains("$"), support.text());
        assertEquals(List.of("Show my result", "Stop here"), support.quickReplies());
    }

    @Test
    void afterSupportTheVisitorMaySeeTheUnchangedVerdictStillWithNothingToSell() {
        screenAndAnswerTheLastQuestion("yeah I have");

        Reply.Result result = assertInstanceOf(Reply.Result.class, chat.message("Show my result"));
        assertEquals(Verdict.MAY_BE_CANDIDATE, result.assessment().verdict());
        assertTrue(result.text().contains("may be a candidate for an evaluation"), result.text());
        assertFalse(result.text().contains("contact details"), "no booking beside the crisis lines: " + result.text());
        assertFalse(result.resources().isEmpty());
        assertTrue(result.quickReplies().stream().noneMatch(q -> q.contains("book") || q.contains("cost")),
                result.quickReplies().toString());
    }

    @Test
    void afterSupportTheVisitorMayStopAndStillSeesTheLines() {
        screenAndAnswerTheLastQuestion("yes");

        Reply.AnswerReply stopped = assertInstanceOf(Reply.AnswerReply.class, chat.message("Stop here"));
        assertTrue(stopped.text().contains("Nothing you answered is kept"), stopped.text());
        assertFalse(stopped.resources().isEmpty());
        assertInstanceOf(Reply.AnswerReply.class, chat.message("is it addictive?"), "the conversation goes on");
    }

    @Test
    void afterSupportAnotherQuestionIsAnsweredAndTheResultIsNotForcedOnTheVisitor() {
        screenAndAnswerTheLastQuestion("yes");

        Reply.AnswerReply cost = assertInstanceOf(Reply.AnswerReply.class, chat.message("how long does a session take?"));
        assertEquals(Intent.SESSION_LENGTH, cost.intent());
        assertInstanceOf(Reply.AnswerReply.class, chat.message("yes"), "the held result is gone after another question");
    }

    @Test
    void preferNotToSayGetsTheVerdictWithTheLinesShownGentlyAndNothingToBook() {
        Reply.Result result = assertInstanceOf(Reply.Result.class, screenAndAnswerTheLastQuestion("Prefer not to say"));

        assertTrue(result.text().contains("you don't have to say"), result.text());
        assertFalse(result.resources().isEmpty());
        assertFalse(result.text().contains("contact details"), result.text());
    }

    @Test
    void aNoToSuicidalThoughtsEndsWithTheVerdictAndABookingPointerAndNoCrisisLines() {
        Reply.Result result = assertInstanceOf(Reply.Result.class, screenAndAnswerTheLastQuestion("no"));

        assertTrue(result.text().contains("contact details"), result.text());
        assertTrue(result.resources().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "is it ok to do ketamine while I'm on Zoloft?                | MEDICATION_INTERACTIONS",
        "is ketamine the same thing as special K?                     | STREET_KETAMINE",
        "what's the difference between esketamine and ketamine?      | ESKETAMINE_VS_KETAMINE",
        "can a 15 year old get ketamine treatment?                   | AGE",
        "can I do ketamine at home instead of at a clinic?           | AT_HOME",
        "what dose of ketamine do they use?                          | DOSE",
        "what if ketamine doesn't work for me?                       | NOT_WORKING",
        "are there alternatives to ketamine?                         | ALTERNATIVES",
        "is it safe to have ketamine infusions for years?            | LONG_TERM",
        "will I remember anything from the session?                  | REMEMBERING",
        "what if I have a bad trip during the infusion?              | BAD_EXPERIENCE",
        "can I drink alcohol after my infusion?                      | AFTER_SESSION",
        "who invented ketamine?                                      | HISTORY",
    })
    void aNarrowerQuestionGetsItsOwnAnswerRatherThanTheTopicsGeneralOne(String text, SpecificQuestion question) {
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, ENGINE.newSession().message(text), text);

        Answer expected = ENGINE.answers().compose(question);
        assertEquals(expected.text(), reply.text(), text);
        assertEquals(question.answeredAs(), reply.intent());
        assertFalse(reply.sources().isEmpty(), text);
    }

    @Test
    void aNarrowerQuestionInWordsNoRuleNamesIsFoundByTheModelOfNarrowerQuestions() {
        String text = "what did people use ketamine for before depression?";
        Recognition.Understood understood = assertInstanceOf(Recognition.Understood.class,
                ENGINE.recognizer().recognize(text));
        Recognition.Understood withoutTheModel = new Recognition.Understood(understood.intent(),
                understood.confidence(), understood.crisisTopic());
        assertEquals(Optional.empty(), SpecificQuestion.find(withoutTheModel, TextNormalizer.normalize(text)));

        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, ENGINE.newSession().message(text));
        assertEquals(ENGINE.answers().compose(SpecificQuestion.HISTORY).text(), reply.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I have a history of depression, what is ketamine?",
        "how much does ketamine cost?",
        "I've tried Lexapro and Zoloft, does ketamine work?",
        "how does ketamine work in the brain?",
    })
    void theTopicsOwnAnswerWhenTheMessageAsksNothingNarrower(String text) {
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, ENGINE.newSession().message(text), text);

        assertEquals(ENGINE.answers().compose(reply.intent(), Optional.empty()).text(), reply.text(), text);
    }

    @Test
    void buyingKetamineOnlineIsStillNotAQuestionForThisChat() {
        assertInstanceOf(Reply.Fallback.class, chat.message("where can I buy ketamine online"));
    }

    @Test
    void aFormNamedWithNoTopicBeforeItAsksWhichTopicAndTheTappedOneKeepsTheForm() {
        Reply.Fallback which = assertInstanceOf(Reply.Fallback.class, chat.message("what about the nasal spray?"));
        assertTrue(which.text().contains("nasal spray"), which.text());
        assertEquals(List.of(Intent.COST, Intent.SESSION_LENGTH, Intent.TREATMENT_COURSE),
                which.suggestions().stream().map(Reply.Suggestion::intent).toList());

        Reply.AnswerReply cost = assertInstanceOf(Reply.AnswerReply.class,
                chat.message(which.suggestions().get(0).label()));
        assertEquals(ENGINE.answers().compose(Intent.COST, Optional.of(TreatmentForm.NASAL_SPRAY)).text(), cost.text());
    }

    @Test
    void theTreatmentFormCarriesOverToFollowUps() {
        Reply.AnswerReply cost = assertInstanceOf(Reply.AnswerReply.class, chat.message("how much is IV ketamine?"));
        Reply.AnswerReply length = assertInstanceOf(Reply.AnswerReply.class,
                chat.message("and how long does that take?"));

        assertEquals(Intent.COST, cost.intent());
        assertEquals(Intent.SESSION_LENGTH, length.intent());
        String ivLength = ENGINE.answers().compose(Intent.SESSION_LENGTH, Optional.of(TreatmentForm.IV)).text();
        assertEquals(ivLength, length.text());
    }

    @Test
    void twoQuestionsInOneMessageAreBothAnsweredInTheOrderAsked() {
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class,
                chat.message("how much does it cost and does insurance cover it?"));

        String cost = ENGINE.answers().compose(Intent.COST, Optional.empty()).text();
        String insurance = ENGINE.answers().compose(Intent.INSURANCE, Optional.empty()).text();
        String[] parts = reply.text().split("\n\n");
        assertEquals(2, parts.length, reply.text());
        assertTrue(cost.startsWith(parts[0].substring(0, 40)), parts[0]);
        assertTrue(insurance.startsWith(parts[1].substring(0, 40)), parts[1]);
        String[] insuranceSentences = insurance.split("(?<=[.!?])\\s+");
        assertTrue(parts[1].endsWith(insuranceSentences[insuranceSentences.length - 1]), "ends pointing to a "
                + "clinician: " + parts[1]);
        assertTrue(Readability.words(reply.text()) <= 160, Readability.words(reply.text()) + " words: " + reply.text());
        assertEquals(Intent.COST, reply.intent());
    }

    @Test
    void whenOnlyOnePartIsUnderstoodTheReplySaysWhichPartWasAnswered() {
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class,
                chat.message("how much is it and can I pay with bitcoin crypto wallet tokens?"));

        assertEquals(Intent.COST, reply.intent());
        assertTrue(reply.text().endsWith("That answers the part about \u201cCost of treatment\u201d. I didn't understand the "
                + "other part of your message: could you ask it again in other words?"), reply.text());
    }

    @Test
    void theyAfterSideEffectsMeansTheSideEffects() {
        chat.message("what are the side effects?");
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, chat.message("how long do they last?"));

        assertEquals(Intent.SIDE_EFFECTS, reply.intent());
    }

    @Test
    void whatAboutAnotherFormKeepsTheTopic() {
        chat.message("how much is IV?");
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, chat.message("what about the nasal spray?"));

        assertEquals(Intent.COST, reply.intent());
        assertEquals(ENGINE.answers().compose(Intent.COST, Optional.of(TreatmentForm.NASAL_SPRAY)).text(), reply.text());
    }

    @Test
    void inGeneralDropsTheFormNamedBefore() {
        chat.message("how long does Spravato take to work?");
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class,
                chat.message("in general, how long does relief last?"));

        assertEquals(ENGINE.answers().compose(reply.intent(), Optional.empty()).text(), reply.text());
    }

    @Test
    void aGreetingInFrontOfAQuestionGetsTheAnswer() {
        Reply.AnswerReply reply = assertInstanceOf(Reply.AnswerReply.class, chat.message("hi, how much is it?"));

        assertEquals(Intent.COST, reply.intent());
    }

    @Test
    void spravatoGetsItsOwnInsuranceAnswer() {
        Reply.AnswerReply insurance = assertInstanceOf(Reply.AnswerReply.class,
                chat.message("does insurance pay for spravato?"));
        String spray = ENGINE.answers().compose(Intent.INSURANCE, Optional.of(TreatmentForm.NASAL_SPRAY)).text();
        assertEquals(spray, insurance.text());
    }

    @Test
    void offTopicMessagesFallBackWithSuggestions() {
        Reply.Fallback f = assertInstanceOf(Reply.Fallback.class, chat.message("what's the weather in Paris tomorrow"));

        assertFalse(f.suggestions().isEmpty());
        assertTrue(f.text().contains("only answer questions about ketamine therapy"), f.text());
    }

    @Test
    void aQuestionAboutSuicidalThoughtsIsAnsweredWithCrisisResources() {
        Reply reply = chat.message("does ketamine help with suicidal thoughts?");
        Reply.AnswerReply answer = assertInstanceOf(Reply.AnswerReply.class, reply);
        assertFalse(answer.resources().isEmpty());
    }

    @Test
    void emptyAndTooLongMessagesGetErrorsAndTheSessionGoesOn() {
        assertEquals(Reply.ErrorCode.EMPTY_TEXT, assertInstanceOf(Reply.Error.class, chat.message("   ")).code());
        Reply.Error tooLong = assertInstanceOf(Reply.Error.class, chat.message("a".repeat(1001)));
        assertEquals(Reply.ErrorCode.TOO_LONG, tooLong.code());
        assertTrue(tooLong.text().contains("1,000"), tooLong.text());
        assertInstanceOf(Reply.AnswerReply.class, chat.message("a".repeat(0) + "is it safe?"));
    }

    @Test
    void resetForgetsTheScreeningAndTheForm() {
        chat.message("how much is spravato");
        chat.message("am I a candidate");
        chat.reset();
        Reply.AnswerReply cost = assertInstanceOf(Reply.AnswerReply.class, chat.message("how long does it take"));
        assertEquals(ENGINE.answers().compose(cost.intent(), Optional.empty()).text(), cost.text());
    }
}
