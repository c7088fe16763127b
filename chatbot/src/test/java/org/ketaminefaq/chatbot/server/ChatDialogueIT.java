package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reply type of protocol v1 through a real server and a real WebSocket client, and the conversations that
 * span several frames: a whole screening in free text, a crisis or a question in the middle of one, and follow-ups
 * that remember the treatment form.
 */
class ChatDialogueIT {

    private static ChatServer server;

    @BeforeAll
    static void start() throws Exception {
        // a generous rate: these conversations send many frames at once, and the rate limit has its own test
        server = TestServers.start(ServerConfig.builder().port(0)
                .messagesPerSecond(1000).messageBurst(1000).build(), TestProfiles.clinic());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void welcomesOnOpen() throws Exception {
        try (ChatClient chat = ChatClient.connect(server)) {
            JsonNode welcome = chat.next();
            assertEquals(List.of("type", "text", "quickReplies", "disclaimer", "resume"), fields(welcome));
            assertEquals("welcome", welcome.get("type").asText());
            assertFalse(welcome.get("text").asText().isBlank());
            assertTrue(welcome.get("quickReplies").size() > 0);
            assertFalse(welcome.get("disclaimer").asText().isBlank());
        }
    }

    @Test
    void answersAQuestionWithIntentConfidenceAndSources() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode answer = chat.say("How much does ketamine therapy cost?");
            assertEquals("answer", answer.get("type").asText());
            assertEquals("cost", answer.get("intent").asText());
            double confidence = answer.get("confidence").asDouble();
            assertTrue(confidence > 0 && confidence <= 1, "confidence " + confidence);
            assertFalse(answer.get("text").asText().isBlank());
            JsonNode source = answer.get("sources").get(0);
            assertTrue(source.hasNonNull("id") && source.hasNonNull("title") && source.hasNonNull("section"),
                    source.toString());
            assertTrue(answer.get("quickReplies").isArray());
        }
    }

    @Test
    void fallsBackWithSuggestionsForWhatItDoesNotAnswer() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode fallback = chat.say("Who won the football game last night?");
            assertEquals("fallback", fallback.get("type").asText(), fallback.toString());
            assertEquals("out_of_scope", fallback.get("intent").asText());
            assertTrue(fallback.has("confidence"));
            assertFalse(fallback.get("text").asText().isBlank());
            for (JsonNode suggestion : fallback.get("suggestions")) {
                assertTrue(suggestion.hasNonNull("intent") && suggestion.hasNonNull("label"), suggestion.toString());
            }
        }
    }

    @Test
    void putsCrisisResourcesFirstForAVisitorInCrisis() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode crisis = chat.say("I want to kill myself");
            assertEquals(List.of("type", "intent", "about", "text", "resources", "resume"), fields(crisis));
            assertEquals("self", crisis.get("about").asText());
            assertEquals("crisis", crisis.get("type").asText());
            assertEquals("crisis", crisis.get("intent").asText());
            assertTrue(hasResource(crisis, "tel:988"), crisis.toString());
        }
    }

    @Test
    void someoneWorriedAboutARelativeGetsHowToHelpThenTheAnswerToTheirQuestion() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode reply = chat.say("My brother attempted suicide last year. Is ketamine safe for someone like him?");
            assertEquals("crisis", reply.get("type").asText(), reply.toString());
            assertEquals("someone_else", reply.get("about").asText());
            assertTrue(hasResource(reply, "tel:988"), reply.toString());
            String text = reply.get("text").asText();
            assertFalse(text.contains("sorry you're feeling"), text);
            assertTrue(text.indexOf("Ask them directly") < text.indexOf("safety record"), text);
            assertTrue(reply.get("sources").size() > 0, reply.toString());
        }
    }

    @Test
    void runsAWholeScreeningInFreeTextToAVerdictWithABookingPointer() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode reply = chat.say("am I a candidate for ketamine?");
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 25 && reply.get("type").asText().equals("question"); i++) {
                assertEquals("eligibility", reply.get("intent").asText());
                assertEquals(13, reply.get("of").asInt());
                String field = reply.get("field").asText();
                assertEquals(List.of("type", "intent", "field", "text", "quickReplies", "step", "of", "resume"), fields(reply));
                reply = chat.say(freeTextAnswer(field, asked.contains(field)));
                asked.add(field);
            }
            assertEquals("result", reply.get("type").asText(), reply.toString());
            assertEquals("eligibility", reply.get("intent").asText());
            assertEquals("may_be_candidate", reply.get("verdict").asText(), reply.toString());
            assertTrue(reply.get("text").asText().contains(TestProfiles.BOOKING_URL), reply.get("text").asText());
            assertTrue(reply.get("reasons").isArray());
            assertTrue(reply.get("resources").isArray());
            assertTrue(reply.get("quickReplies").size() > 0);
            assertEquals(List.of("age", "pregnantOrBreastfeeding", "diagnoses", "failedAntidepressantTrials"),
                    asked.stream().distinct().limit(4).toList());
            assertEquals(13, asked.stream().distinct().count());
        }
    }

    @Test
    void aYesToSuicidalThoughtsIsAnsweredWithSupportAloneAndTheResultOnlyWhenAskedFor() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode reply = chat.say("am I a candidate for ketamine?");
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 25 && reply.get("type").asText().equals("question"); i++) {
                String field = reply.get("field").asText();
                reply = chat.say(field.equals("suicidalThoughts") ? "yes" : freeTextAnswer(field, asked.contains(field)));
                asked.add(field);
            }
            assertEquals("crisis", reply.get("type").asText(), reply.toString());
            assertEquals("self", reply.get("about").asText());
            assertTrue(hasResource(reply, "tel:988"), reply.toString());
            assertFalse(reply.get("text").asText().contains(TestProfiles.BOOKING_URL), reply.toString());
            assertEquals(List.of("Show my result", "Stop here"), strings(reply.get("quickReplies")));

            JsonNode result = chat.say("Show my result");
            assertEquals("result", result.get("type").asText(), result.toString());
            assertEquals("may_be_candidate", result.get("verdict").asText());
            assertTrue(hasResource(result, "tel:988"), result.toString());
            assertFalse(result.get("text").asText().contains(TestProfiles.BOOKING_URL), result.toString());
        }
    }

    /** How a visitor would type each answer; the diagnosis question asks "anything else?" after one is named. */
    private static String freeTextAnswer(String field, boolean askedBefore) {
        return switch (field) {
            case "age" -> "I'm 34";
            case "diagnoses" -> askedBefore ? "no" : "depression";
            case "failedAntidepressantTrials" -> "I've tried three";
            default -> "no";
        };
    }

    @Test
    void aCrisisInTheMiddleOfAScreeningComesFirst() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            assertEquals("question", chat.say("am I a candidate for ketamine?").get("type").asText());
            assertEquals("pregnantOrBreastfeeding", chat.say("I'm 34").get("field").asText());

            JsonNode crisis = chat.say("honestly I just want to end my life");
            assertEquals("crisis", crisis.get("type").asText(), crisis.toString());
            assertTrue(hasResource(crisis, "tel:988"));

            JsonNode after = chat.say("how much does it cost?");
            assertEquals("answer", after.get("type").asText(), "the screening does not go on after a crisis");
            assertEquals("cost", after.get("intent").asText());
        }
    }

    @Test
    void aNewConnectionGoesOnWithTheScreeningFromTheLastReplysResumeToken() throws Exception {
        String token;
        try (ChatClient first = ChatClient.welcomed(server)) {
            first.say("am I a candidate?");
            first.say("34");
            first.say("no");
            JsonNode picked = first.say("Depression");
            assertEquals("diagnoses", picked.get("field").asText(), "a diagnosis tapped, more may follow: " + picked);
            token = picked.get("resume").asText();
            assertFalse(token.isEmpty(), "every reply carries the conversation's state");
        }
        try (ChatClient second = ChatClient.welcomed(server)) {
            second.sendRaw("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
            JsonNode resumed = second.next();
            assertEquals("resumed", resumed.get("type").asText());
            JsonNode next = second.say("Done");
            assertEquals("question", next.get("type").asText(), next.toString());
            assertEquals(4, next.get("step").asInt(), "the next question, none asked twice: " + next);
        }
    }

    @Test
    void anUnreadableResumeTokenIsAnErrorAndTheChatStartsAfresh() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.sendRaw("{\"type\":\"resume\",\"token\":\"forged-token\"}");
            JsonNode error = chat.next();
            assertEquals("error", error.get("type").asText());
            assertEquals("bad_resume", error.get("code").asText());
            assertEquals("answer", chat.say("how much does it cost?").get("type").asText(), "the chat goes on");
        }
    }

    @Test
    void answersAQuestionInTheMiddleOfAScreeningAndThenResumesIt() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.say("am I a candidate for ketamine?");
            JsonNode pending = chat.say("I'm 34");
            assertEquals("pregnantOrBreastfeeding", pending.get("field").asText());

            JsonNode answer = chat.say("how much does it cost?");
            assertEquals("answer", answer.get("type").asText(), answer.toString());
            assertEquals("cost", answer.get("intent").asText());

            JsonNode next = chat.say("no");
            assertEquals("question", next.get("type").asText(), "the next frame answers the pending question");
            assertEquals("diagnoses", next.get("field").asText());
            assertEquals(3, next.get("step").asInt());
        }
    }

    @Test
    void anUnreadableScreeningAnswerIsAskedAgainAndABareNoWithNothingAskedIsNoGoodbye() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode lost = chat.say("no");
            assertEquals("answer", lost.get("type").asText(), lost.toString());
            assertTrue(lost.get("text").asText().contains("don't have a question waiting"), lost.toString());

            chat.say("am I a candidate for ketamine?");
            chat.say("I'm 34");
            JsonNode again = chat.say("3");
            assertEquals("question", again.get("type").asText(), again.toString());
            assertEquals("pregnantOrBreastfeeding", again.get("field").asText());
            assertTrue(again.get("text").asText().startsWith("Sorry, I didn't catch that."), again.toString());

            JsonNode next = chat.say("not that I know of");
            assertEquals("diagnoses", next.get("field").asText(), next.toString());
        }
    }

    @Test
    void helpShowsAShortMenuWithTheCrisisLines() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode help = chat.say("help");
            assertEquals("answer", help.get("type").asText(), help.toString());
            assertTrue(help.get("quickReplies").size() >= 3, help.toString());
            assertTrue(hasResource(help, "tel:988"), help.toString());
        }
    }

    @Test
    void aFollowUpKeepsTheTreatmentFormOfTheQuestionBefore() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode cost = chat.say("how much is IV ketamine?");
            assertEquals("cost", cost.get("intent").asText());

            JsonNode length = chat.say("and how long does that take?");
            assertEquals("answer", length.get("type").asText());
            assertEquals("session_length", length.get("intent").asText());
            String text = length.get("text").asText();
            assertTrue(text.contains("40 to 60 minutes"), text);
            assertFalse(text.contains("Spravato"), "the IV answer, not the general one: " + text);
        }
    }

    @Test
    void twoQuestionsInOneMessageGetBothAnswersWithTheirSources() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode both = chat.say("How long does a session take and how many will I need?");
            assertEquals("answer", both.get("type").asText(), both.toString());
            String[] parts = both.get("text").asText().split("\n\n");
            assertEquals(2, parts.length, both.toString());
            assertTrue(parts[0].contains("40 to 60 minutes"), parts[0]);
            assertTrue(parts[1].contains("series") && parts[1].endsWith("A clinician can plan what fits you."),
                    parts[1]);
            int words = both.get("text").asText().split("\\s+").length;
            assertTrue(words <= 160, words + " words: " + both.get("text").asText());
            assertTrue(both.get("sources").size() > 0);
        }
    }

    @Test
    void aFormNamedWithNoTopicToFollowAsksWhichTopicIsMeant() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.say("is ketamine addictive?");
            JsonNode which = chat.say("what about IM?");
            assertEquals("fallback", which.get("type").asText(), which.toString());
            assertTrue(which.get("text").asText().startsWith("What would you like to know about the"), which.toString());
            List<String> offered = new ArrayList<>();
            which.get("suggestions").forEach(s -> offered.add(s.get("intent").asText()));
            assertEquals(List.of("cost", "session_length", "treatment_course"), offered);
        }
    }

    @Test
    void aCloseCallBetweenTwoTopicsIsAskedAboutWithBothAsButtons() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode reply = chat.say("how long is a course of it");
            assertEquals("fallback", reply.get("type").asText(), reply.toString());
            assertTrue(reply.get("text").asText().contains("Do you mean"), reply.toString());
            List<String> offered = new ArrayList<>();
            reply.get("suggestions").forEach(s -> offered.add(s.get("intent").asText()));
            assertEquals(List.of("session_length", "treatment_course"), offered);
        }
    }

    @Test
    void aQuestionAboutOtherMedicinesSaysTheArticlesDoNotCoverItAndNotToStopThemAlone() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode reply = chat.say("I take Lexapro every morning. Is it safe to mix it with ketamine?");
            assertEquals("answer", reply.get("type").asText(), reply.toString());
            String text = reply.get("text").asText();
            assertTrue(text.contains("do not cover how ketamine mixes with other medicines"), text);
            assertTrue(text.contains("do not stop, lower or change any medicine on your own"), text);
            assertTrue(reply.get("sources").size() > 0, reply.toString());

            JsonNode party = chat.say("wait, is this the same stuff as the party drug?");
            assertTrue(party.get("text").asText().startsWith("Yes, it is the same drug."), party.toString());
        }
    }

    @Test
    void aFollowUpKeepsTheTopicForAnotherFormAndForWhatTheyAre() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.say("how much is IV?");
            JsonNode spray = chat.say("what about the nasal spray?");
            assertEquals("cost", spray.get("intent").asText(), spray.toString());
            assertTrue(spray.get("text").asText().contains("Spravato"), spray.toString());

            chat.say("what are the side effects?");
            JsonNode last = chat.say("how long do they last?");
            assertEquals("side_effects", last.get("intent").asText(), last.toString());
        }
    }

    @Test
    void resetStartsAgainWithANewWelcome() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            assertEquals("age", chat.say("am I a candidate for ketamine?").get("field").asText());
            chat.sendRaw("{\"type\":\"reset\"}");
            assertEquals("welcome", chat.next().get("type").asText());

            JsonNode afterReset = chat.say("I'm 34");
            assertFalse("pregnantOrBreastfeeding".equals(afterReset.path("field").asText()),
                    "after a reset the age question is no longer pending: " + afterReset);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not json at all                                       | bad_json",
        "[1,2,3]                                               | bad_json",
        "{\"type\":7}                                          | bad_json",
        "{\"type\":\"message\",\"text\":42}                    | bad_json",
        "{\"type\":\"message\"}                                | bad_json",
        "{\"text\":\"hello\"}                                  | unknown_type",
        "{\"type\":\"shout\",\"text\":\"hello\"}               | unknown_type",
        "{\"type\":\"message\",\"text\":\"   \"}               | empty_text",
    })
    void answersEveryBadFrameWithItsErrorAndStaysOpen(String frame, String code) throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            chat.sendRaw(frame.strip());
            JsonNode error = chat.next();
            assertEquals(List.of("type", "code", "text", "resume"), fields(error));
            assertEquals("error", error.get("type").asText());
            assertEquals(code, error.get("code").asText());
            assertFalse(error.get("text").asText().isBlank());

            assertEquals("answer", chat.say("how much does it cost?").get("type").asText(), "the chat goes on");
        }
    }

    @Test
    void aMessageOverTheLengthLimitIsTooLong() throws Exception {
        try (ChatClient chat = ChatClient.welcomed(server)) {
            JsonNode error = chat.say("a".repeat(ServerConfig.DEFAULT_MAX_MESSAGE_LENGTH + 1));
            assertEquals("error", error.get("type").asText());
            assertEquals("too_long", error.get("code").asText());
            assertTrue(error.get("text").asText().contains("1,000"), error.get("text").asText());

            assertEquals("answer", chat.say("how much does it cost?").get("type").asText());
        }
    }

    private static boolean hasResource(JsonNode reply, String href) {
        for (JsonNode resource : reply.get("resources")) {
            if (resource.get("href").asText().equals(href)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
