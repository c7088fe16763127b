package org.ketaminefaq.chatbot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.nlp.Intent;
import org.ketaminefaq.chatbot.nlp.Recognition;
import org.ketaminefaq.core.Citation;
import org.ketaminefaq.core.CrisisResource;
import org.ketaminefaq.core.KnowledgeBase;
import org.ketaminefaq.core.eligibility.Assessment;
import org.ketaminefaq.core.eligibility.Diagnosis;
import org.ketaminefaq.core.eligibility.EligibilityRules;
import org.ketaminefaq.core.eligibility.ScreeningAnswers;
import org.ketaminefaq.core.eligibility.ScreeningField;
import org.ketaminefaq.core.eligibility.ScreeningJson;

class ProtocolCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CrisisResource LIFELINE =
            new CrisisResource("988 Suicide & Crisis Lifeline", "Call or text 988", "tel:988");
    private static final Citation SOURCE =
            new Citation("003_1439dfc55acb4c08", "What is ketamine therapy?", "Cost", Optional.empty());

    // ---- decoding what the browser sends

    @Test
    void readsAMessage() {
        assertEquals(new ClientFrame.Message("how much is it?"),
                ProtocolCodec.decode("{\"type\":\"message\",\"text\":\"how much is it?\"}"));
    }

    @Test
    void passesTextOnAsItIsSoThatTheDialogueChecksItsLength() {
        assertEquals(new ClientFrame.Message("   "), ProtocolCodec.decode("{\"type\":\"message\",\"text\":\"   \"}"));
        assertEquals(new ClientFrame.Message(""), ProtocolCodec.decode("{\"type\":\"message\",\"text\":\"\"}"));
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        assertEquals(new ClientFrame.Message("hi"),
                ProtocolCodec.decode("{\"type\":\"message\",\"text\":\"hi\",\"id\":7}"));
        assertEquals(new ClientFrame.Reset(), ProtocolCodec.decode("{\"type\":\"reset\",\"text\":\"x\"}"));
    }

    @Test
    void readsAResumeFrameWithItsTokenAndRefusesOneWithout() {
        assertEquals(new ClientFrame.Resume("abc_-123"),
                ProtocolCodec.decode("{\"type\":\"resume\",\"token\":\"abc_-123\"}"));
        assertEquals(new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON), ProtocolCodec.decode("{\"type\":\"resume\"}"));
        assertEquals(new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON),
                ProtocolCodec.decode("{\"type\":\"resume\",\"token\":42}"));
    }

    @Test
    void writesTheResumeTokenAsTheLastFieldOfEveryReply() throws Exception {
        String json = ProtocolCodec.encode(new Reply.Resumed(), "tok_en-1");
        assertEquals("{\"type\":\"resumed\",\"resume\":\"tok_en-1\"}", json);
    }

    @Test
    void readsAReset() {
        assertEquals(new ClientFrame.Reset(), ProtocolCodec.decode("{\"type\":\"reset\"}"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "hello",                                          // not JSON
        "",                                               // nothing
        "[{\"type\":\"message\",\"text\":\"hi\"}]",       // not an object
        "\"message\"",
        "42",
        "null",
        "{\"type\":\"message\",\"text\":\"hi\"} {}",      // two values
        "{\"type\":\"message\",\"text\":\"hi\"",          // cut off
        "{\"type\":5,\"text\":\"hi\"}",                   // type of the wrong JSON type
        "{\"type\":null}",
        "{\"type\":[\"message\"]}",
        "{\"type\":\"message\"}",                         // text missing
        "{\"type\":\"message\",\"text\":5}",              // text of the wrong JSON type
        "{\"type\":\"message\",\"text\":null}",
        "{\"type\":\"message\",\"text\":{\"a\":1}}",
        "{\"type\":\"message\",\"type\":\"reset\"}",      // duplicate key
        "{\"type\":\"message\",\"text\":\"hi\",\"x\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", // too deep
    })
    void malformedFramesAreBadJson(String frame) {
        assertEquals(new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON), ProtocolCodec.decode(frame));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{}",
        "{\"text\":\"hi\"}",
        "{\"type\":\"hello\"}",
        "{\"type\":\"Message\",\"text\":\"hi\"}",
        "{\"type\":\"\"}",
        "{\"type\":\"ping\",\"text\":5}",
    })
    void aMissingOrUnknownTypeIsUnknownType(String frame) {
        assertEquals(new ClientFrame.Invalid(Reply.ErrorCode.UNKNOWN_TYPE), ProtocolCodec.decode(frame));
    }

    @Test
    void aMessageNeverShowsItsTextWhenPrinted() {
        String printed = new ClientFrame.Message("my secret answer").toString();
        assertFalse(printed.contains("secret"), printed);
    }

    // ---- encoding replies

    @Test
    void writesAWelcome() {
        assertJson("{\"type\":\"welcome\",\"text\":\"Hi\",\"quickReplies\":[\"What is it?\"],\"disclaimer\":\"Not advice\"}",
                new Reply.Welcome("Hi", List.of("What is it?"), "Not advice"));
    }

    @Test
    void writesAnAnswerWithConfidenceToTwoDecimalsAndNoResourcesWhenThereAreNone() {
        assertJson("{\"type\":\"answer\",\"intent\":\"cost\",\"confidence\":0.93,\"text\":\"It varies.\","
                        + "\"sources\":[{\"id\":\"003_1439dfc55acb4c08\",\"title\":\"What is ketamine therapy?\","
                        + "\"section\":\"Cost\"}],\"quickReplies\":[\"Insurance?\"]}",
                new Reply.AnswerReply(Intent.COST, OptionalDouble.of(0.9274), "It varies.", List.of(SOURCE),
                        List.of("Insurance?"), List.of()));
    }

    @Test
    void anAnswerWithoutConfidenceOmitsItAndCarriesResourcesWhenItHasThem() {
        assertJson("{\"type\":\"answer\",\"intent\":\"eligibility\",\"text\":\"Stopped.\",\"sources\":[],"
                        + "\"quickReplies\":[],\"resources\":[{\"name\":\"988 Suicide & Crisis Lifeline\","
                        + "\"contact\":\"Call or text 988\",\"href\":\"tel:988\"}]}",
                new Reply.AnswerReply(Intent.ELIGIBILITY, OptionalDouble.empty(), "Stopped.", List.of(), List.of(),
                        List.of(LIFELINE)));
    }

    @Test
    void writesAFallbackWithSuggestions() {
        assertJson("{\"type\":\"fallback\",\"intent\":\"out_of_scope\",\"confidence\":0.21,\"text\":\"Sorry.\","
                        + "\"suggestions\":[{\"intent\":\"cost\",\"label\":\"Cost\"},"
                        + "{\"intent\":\"safety\",\"label\":\"Safety\"}]}",
                new Reply.Fallback(0.2149, "Sorry.", List.of(new Reply.Suggestion(Intent.COST, "Cost"),
                        new Reply.Suggestion(Intent.SAFETY, "Safety")), List.of()));
    }

    @Test
    void aFallbackCarriesResourcesWhenItHasThem() {
        JsonNode json = ProtocolCodec.toJsonTree(new Reply.Fallback(0.1, "Sorry.", List.of(), List.of(LIFELINE)));
        assertEquals("tel:988", json.at("/resources/0/href").asText());
    }

    @Test
    void writesACrisisWithItsResourcesAndNoConfidence() {
        assertJson("{\"type\":\"crisis\",\"intent\":\"crisis\",\"about\":\"self\",\"text\":\"Please reach out.\","
                        + "\"resources\":[{\"name\":\"988 Suicide & Crisis Lifeline\",\"contact\":\"Call or text 988\","
                        + "\"href\":\"tel:988\"}]}",
                new Reply.Crisis(Recognition.Concern.SELF, "Please reach out.", List.of(LIFELINE)));
    }

    @Test
    void writesTheChoicesOfACrisisReportedInTheScreening() {
        JsonNode json = ProtocolCodec.toJsonTree(new Reply.Crisis(Recognition.Concern.SELF, "Thank you for telling me.",
                List.of(LIFELINE), List.of("Show my result", "Stop here"), List.of()));
        assertEquals(JSON.valueToTree(List.of("Show my result", "Stop here")), json.get("quickReplies"));
    }

    @Test
    void writesAQuestion() {
        assertJson("{\"type\":\"question\",\"intent\":\"eligibility\",\"field\":\"age\",\"text\":\"How old are you?\","
                        + "\"quickReplies\":[\"Under 18\"],\"step\":1,\"of\":13}",
                new Reply.Question(ScreeningField.AGE, "How old are you?", List.of("Under 18"), 1, 13));
    }

    @Test
    void writesAResultWithTheCoreAssessmentJson() throws Exception {
        Assessment assessment = EligibilityRules.of(KnowledgeBase.load(), List.of(LIFELINE)).assess(
                ScreeningAnswers.builder().age(34).diagnoses(Diagnosis.DEPRESSION).failedAntidepressantTrials(3)
                        .noToAllOtherYesNo().build());
        JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ScreeningJson.toJson(assessment));

        JsonNode json = ProtocolCodec.toJsonTree(new Reply.Result(assessment, "You may be a candidate.",
                List.of("Book"), assessment.resources()));

        assertEquals(List.of("type", "intent", "verdict", "text", "reasons", "resources", "quickReplies"),
                fieldNames(json));
        assertEquals("result", json.get("type").asText());
        assertEquals("eligibility", json.get("intent").asText());
        assertEquals("may_be_candidate", json.get("verdict").asText());
        assertEquals("You may be a candidate.", json.get("text").asText());
        assertEquals(expected.get("reasons"), json.get("reasons"));
        assertEquals(expected.get("resources"), json.get("resources"));
        assertEquals(JSON.valueToTree(List.of("Book")), json.get("quickReplies"));
    }

    @Test
    void writesEveryErrorCodeInLowerCase() {
        for (Reply.ErrorCode code : Reply.ErrorCode.values()) {
            assertJson("{\"type\":\"error\",\"code\":\"" + code.id() + "\",\"text\":\"Try again.\"}",
                    new Reply.Error(code, "Try again."));
        }
        assertEquals("rate_limited", Reply.ErrorCode.RATE_LIMITED.id());
    }

    @Test
    void writesTextThatNeedsEscapingAsValidJson() throws Exception {
        String tricky = "Quote \" backslash \\ newline \n tab \t emoji 🙂 </script>";
        String json = ProtocolCodec.encode(new Reply.Crisis(Recognition.Concern.SELF, tricky, List.of(LIFELINE)));
        assertEquals(tricky, JSON.readTree(json).get("text").asText());
    }

    private static void assertJson(String expected, Reply reply) {
        try {
            JsonNode actual = JSON.readTree(ProtocolCodec.encode(reply));
            assertEquals(JSON.readTree(expected), actual);
            assertEquals(fieldNames(JSON.readTree(expected)), fieldNames(actual), "field order");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
