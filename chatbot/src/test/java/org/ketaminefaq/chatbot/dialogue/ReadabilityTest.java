package org.ketaminefaq.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

    @ParameterizedTest
    @CsvSource({
        "six, 1",
        "nausea, 2",
        "6, 1",
        "6800, 6",     // six thousand eight hundred
        "78%, 6",      // seventy-eight percent
        "$400, 5",     // four hundred dollars
        "1970, 5",     // nineteen seventy
        "2019, 4",     // twenty nineteen
    })
    void numbersCountAsTheyAreReadAloud(String word, int syllables) {
        assertEquals(syllables, Readability.syllables(word), word);
    }
}
