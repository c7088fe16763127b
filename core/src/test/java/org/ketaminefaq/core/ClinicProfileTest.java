package org.ketaminefaq.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClinicProfileTest {

    private static final KnowledgeBase KB = KnowledgeBase.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLINIC = """
            {
              "name": "Harbor Light Wellness",
              "phone": "+1 555-0142",
              "bookingUrl": "https://harborlight.example/book",
              "hours": "Mon-Fri 8am-6pm",
              "prices": [{"form": "iv", "min": 475, "max": 475, "per": "infusion", "note": "six-infusion package $2,600"}],
              "formsOffered": ["iv", "nasal_spray"],
              "allowedOrigins": ["https://harborlight.example"],
              "crisis": {"country": "US", "emergencyNumber": "911",
                         "resources": [{"name": "988 Suicide & Crisis Lifeline", "contact": "Call or text 988", "href": "tel:988"}]}
            }
            """;

    @Test
    void theDefaultProfileMakesNoClinicSpecificClaims() {
        ClinicProfile profile = ClinicProfile.defaultProfile();

        assertEquals(Optional.empty(), profile.name());
        assertEquals(Optional.empty(), profile.phone());
        assertEquals(Optional.empty(), profile.bookingUrl());
        assertEquals(List.of(), profile.prices());
        assertEquals(List.of(), profile.allowedOrigins());
        assertEquals("911", profile.crisis().emergencyNumber());
        assertTrue(profile.crisis().resources().stream().anyMatch(r -> r.href().equals("tel:988")));
        assertTrue(profile.crisis().resources().stream().anyMatch(r -> r.contact().contains("741741")));
    }

    @Test
    void aClinicsOwnPriceWinsOverTheGeneralRange(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clinic.json"), CLINIC);
        ClinicKnowledge clinic = ClinicKnowledge.of(KB, ClinicProfile.load(dir.resolve("clinic.json")));

        PriceInfo.ClinicPriceInfo iv = assertInstanceOf(PriceInfo.ClinicPriceInfo.class, clinic.price(TreatmentForm.IV));
        assertEquals(new BigDecimal("475"), iv.price().min());
        assertEquals(java.util.Currency.getInstance("USD"), iv.currency(), "the currency of the profile's country");
        assertEquals("Harbor Light Wellness", iv.clinicName());
        assertEquals(Optional.of("six-infusion package $2,600"), iv.price().note());
    }

    @Test
    void withoutAClinicPriceTheGeneralRangesFromTheSourcesApply(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clinic.json"), CLINIC);
        ClinicKnowledge clinic = ClinicKnowledge.of(KB, ClinicProfile.load(dir.resolve("clinic.json")));
        ClinicKnowledge general = ClinicKnowledge.of(KB, ClinicProfile.defaultProfile());

        PriceInfo.GeneralRanges spray = assertInstanceOf(PriceInfo.GeneralRanges.class,
                clinic.price(TreatmentForm.NASAL_SPRAY));
        PriceInfo.GeneralRanges iv = assertInstanceOf(PriceInfo.GeneralRanges.class, general.price(TreatmentForm.IV));
        assertFalse(spray.facts().isEmpty());
        assertFalse(iv.facts().isEmpty());
        for (Fact fact : List.of(spray.facts(), iv.facts()).stream().flatMap(List::stream).toList()) {
            assertEquals(Unit.USD, fact.value().orElseThrow().unit(), "only prices, no counts: " + fact.text());
        }
        assertTrue(KB.facts(Topic.COST, TreatmentForm.IV).stream()
                .anyMatch(f -> f.value().map(q -> q.unit() == Unit.SESSIONS).orElse(false)),
                "the cost topic also counts sessions, which a price list must leave out");
        assertEquals("this clinic", general.clinicName());
    }

    @Test
    void formsOfferedDefaultToAllWhenTheProfileDoesNotSay(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clinic.json"), CLINIC);

        assertEquals(List.of(TreatmentForm.values()),
                ClinicKnowledge.of(KB, ClinicProfile.defaultProfile()).formsOffered());
        assertEquals(List.of(TreatmentForm.IV, TreatmentForm.NASAL_SPRAY),
                ClinicKnowledge.of(KB, ClinicProfile.load(dir.resolve("clinic.json"))).formsOffered());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field     | fax            | \"555\"                                                 | $.fax: unknown field \"fax\"",
        "wrong type        | prices         | \"cheap\"                                               | $.prices:",
        "unknown form      | formsOffered   | [\"pill\"]                                              | $.formsOffered[0]: unknown value \"pill\"; expected one of iv, im, nasal_spray, oral",
        "min above max     | prices         | [{\"form\":\"iv\",\"min\":900,\"max\":400,\"per\":\"infusion\"}] | $.prices[0]: price for \"iv\" must have 0 <= min <= max",
        "origin with path  | allowedOrigins | [\"https://a.example/chat\"]                            | $: allowedOrigins \"https://a.example/chat\" must be an origin",
        "booking not http  | bookingUrl     | \"javascript:alert(1)\"                                 | $: bookingUrl \"javascript:alert(1)\" must be an http(s) URL",
    })
    void aBrokenProfileNamesFilePathAndWhatWasExpected(String name, String field, String value, String expected,
                                                       @TempDir Path dir) throws Exception {
        ObjectNode profile = (ObjectNode) JSON.readTree(CLINIC);
        profile.set(field, JSON.readTree(value));
        Path file = dir.resolve("clinic.json");
        Files.writeString(file, profile.toString());

        DataFileException e = assertThrows(DataFileException.class, () -> ClinicProfile.load(file));

        assertTrue(e.getMessage().startsWith(file + " at " + expected), e.getMessage());
    }

    @Test
    void aProfileWithoutCrisisResourcesIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clinic.json");
        Files.writeString(file, "{\"name\": \"X\"}");

        DataFileException e = assertThrows(DataFileException.class, () -> ClinicProfile.load(file));

        assertTrue(e.getMessage().contains("missing required field \"crisis\""), e.getMessage());
    }

    /** A profile that breaks one thing: the message names the file, the field and what was expected, in the library's words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"name\": 5 | $.name | 5 is not allowed; expected text",
        "\"name\": true | $.name | true is not allowed; expected text",
        "\"prices\": [{\"form\": \"iv\", \"min\": null, \"max\": 500, \"per\": \"infusion\"}] | $.prices[0] | missing required field \"min\"",
        "\"prices\": [{\"form\": \"iv\", \"min\": \"cheap\", \"max\": 500, \"per\": \"infusion\"}] | $.prices[0].min | \"cheap\" is not allowed; expected a number",
        "\"formsOffered\": \"iv\" | $.formsOffered | \"iv\" is not allowed; expected an array",
    })
    void aWrongValueIsNamedInTheLibrarysOwnWords(String field, String path, String message, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("clinic.json");
        Files.writeString(file, "{" + field + ", \"crisis\": {\"country\": \"US\", \"emergencyNumber\": \"911\","
                + " \"resources\": [{\"name\": \"988\", \"contact\": \"Call 988\", \"href\": \"tel:988\"}]}}");

        DataFileException e = assertThrows(DataFileException.class, () -> ClinicProfile.load(file));
        assertEquals(file + " at " + path + ": " + message, e.getMessage());
        for (String jacksonWords : List.of("Deserialization", "REDACTED", "Cannot ", "`", "coerc")) {
            assertFalse(e.getMessage().contains(jacksonWords), e.getMessage());
        }
    }

    @Test
    void aDirectoryGivenAsTheProfileFailsWithADataFileException(@TempDir Path dir) {
        DataFileException e = assertThrows(DataFileException.class, () -> ClinicProfile.load(dir));
        assertEquals(dir + " at $: is a directory; expected a JSON file", e.getMessage());
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        ClinicKnowledge clinic = ClinicKnowledge.of(KB, ClinicProfile.defaultProfile());
        assertEquals("form must not be null", assertThrows(NullPointerException.class, () -> clinic.price(null))
                .getMessage());
        assertEquals("topic must not be null", assertThrows(NullPointerException.class,
                () -> KB.facts((Topic) null)).getMessage());
        assertEquals("file must not be null", assertThrows(NullPointerException.class,
                () -> ClinicProfile.load((Path) null)).getMessage());
    }

    @Test
    void aProfileBuiltInCodeIsCheckedLikeAProfileFile() {
        ClinicProfile clinic = ClinicProfile.builder()
                .name("Harbor Light Wellness")
                .phone("555-0142")
                .price(ClinicPrice.of(TreatmentForm.IV, 450, 550, "infusion"))
                .price(ClinicPrice.of(TreatmentForm.IV, 475, 475, "infusion"))
                .formsOffered(TreatmentForm.IV, TreatmentForm.NASAL_SPRAY)
                .allowedOrigins("https://harborlight.example")
                .build();

        assertEquals(Optional.of("Harbor Light Wellness"), clinic.name());
        assertEquals(new BigDecimal("475"), clinic.price(TreatmentForm.IV).orElseThrow().min(),
                "the later price for a form wins");
        assertEquals(List.of(TreatmentForm.IV, TreatmentForm.NASAL_SPRAY), clinic.formsOffered());
        assertEquals(ClinicProfile.defaultProfile().crisis(), clinic.crisis(), "US crisis lines until told otherwise");
        assertEquals(clinic, clinic.toBuilder().build());
        assertEquals("bookingUrl \"ftp://x.example\" must be an http(s) URL", assertThrows(IllegalArgumentException.class,
                () -> ClinicProfile.builder().bookingUrl("ftp://x.example").build()).getMessage());
    }

    @Test
    void pricesKeepTheirCentsAndTakeTheCurrencyOfTheClinicsCountry() {
        ClinicProfile.Crisis canada = new ClinicProfile.Crisis("CA", "911",
                List.of(new CrisisResource("9-8-8 Suicide Crisis Helpline", "Call or text 988", "tel:988")));
        ClinicProfile clinic = ClinicProfile.builder().crisis(canada)
                .price(new ClinicPrice(TreatmentForm.IV, new BigDecimal("450.50"), new BigDecimal("600"), "infusion",
                        Optional.empty()))
                .build();

        assertEquals("450.50", clinic.price(TreatmentForm.IV).orElseThrow().min().toPlainString());
        assertEquals("CAD", clinic.currency().getCurrencyCode());
        assertEquals("crisis.country \"XX\" is not a country with a currency; expected an ISO 3166 code such as US, "
                + "CA or GB", assertThrows(IllegalArgumentException.class, () -> ClinicProfile.builder()
                .crisis(new ClinicProfile.Crisis("XX", "112", canada.resources())).build()).getMessage());
    }

    @Test
    void aProfileThatIsNotJsonSaysWhereWithoutJacksonsSourceNote() {
        DataFileException e = assertThrows(DataFileException.class, () -> ClinicProfile.load("clinic.json",
                new java.io.ByteArrayInputStream("{".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("clinic.json at $: not valid JSON: Unexpected end-of-input: expected close marker for Object "
                + "(line 1, column 2)", e.getMessage());
    }
}
