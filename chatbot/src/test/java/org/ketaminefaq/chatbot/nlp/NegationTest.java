package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "I don't mean how long the session is, I mean how long until I feel better | how long until I feel better",
        "not the price, the insurance - does Aetna pay? | the insurance does Aetna pay?",
        "I'm not asking about safety. Why would it help when SSRIs didn't? | Why would it help when SSRIs didn't?",
        "Not to be rude, but are you a real person? | are you a real person?",
    })
    void theClausesThatOnlyDenyAreLeftOut(String text, String asked) {
        assertEquals(asked, Negation.focus(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how much is it?",
        "my meds are not working, would ketamine help?",
        "Not covered by insurance?",
        "not sure",
    })
    void aMessageThatDeniesNothingOrOnlyDeniesIsKeptWhole(String text) {
        assertEquals(text, Negation.focus(text));
    }
}
