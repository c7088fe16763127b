package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredLiteralsTest {

    private static Optional<Set<String>> of(String regex) {
        return RequiredLiterals.of(Pattern.compile(regex));
    }

    @Test
    void aShortAlternationIsSpelledOutWhole() {
        assertEquals(Optional.of(Set.of("kill myself", "kill my self", "hurt myself", "hurt my self")),
                of("\\b(kill|hurt) my ?self\\b"));
    }

    @Test
    void aGapKeepsTheMoreSelectiveSideOfIt() {
        assertEquals(Optional.of(Set.of("suicide", "suicidal")),
                of("\\bsuicid(e|al)\\b.{0,40}\\b(right now|tonight|again)\\b"));
        assertEquals(Optional.of(Set.of("overdose", "overdosing")), of("\\bto .{0,9}overdos(e|ing)\\b"));
    }

    @Test
    void aRepeatedGroupStillNeedsOneCopy() {
        assertEquals(Optional.of(Set.of("ab")), of("(ab)+c?"));
        assertEquals(Optional.of(Set.of("ab")), of("x*(ab){2,3}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(?i)kill myself", // a flag
        "kill(?= myself)", // a lookahead
        "\\p{L}+self", // a property class, which the parser does not read
        "(a)\\1", // a back reference
        "a*", // may match nothing
        "self|", // an empty alternative
        "x?y?", // may match nothing
        "[a-z]+", // no literal at all
    })
    void whatTheParserDoesNotUnderstandOrCannotRelyOnGivesNothing(String regex) {
        assertEquals(Optional.empty(), of(regex), regex);
    }

    @Test
    void aPatternWithFlagsGivesNothing() {
        assertEquals(Optional.empty(), RequiredLiterals.of(Pattern.compile("self", Pattern.CASE_INSENSITIVE)));
    }

    @Test
    void everyCrisisPatternHasLiteralsToSkipItBy() {
        for (Pattern p : CrisisLexicon.patterns()) {
            Optional<Set<String>> literals = RequiredLiterals.of(p);
            assertTrue(literals.isPresent(), p.pattern());
            assertTrue(literals.get().stream().allMatch(s -> s.length() >= 2), p.pattern() + " " + literals.get());
        }
    }
}
