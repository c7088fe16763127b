package org.ketaminefaq.chatbot.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiteralScannerTest {

    @Test
    void onlyPatternsWhoseLiteralsOccurAreCandidates() {
        LiteralScanner scanner = LiteralScanner.of(List.of(Pattern.compile("\\bkill my ?self\\b"),
                Pattern.compile("\\b(iv|infusion)\\b"), Pattern.compile("[a-z]+")));

        assertArrayEquals(new boolean[] {false, true, true}, scanner.candidates("how much is an infusion"));
        assertArrayEquals(new boolean[] {true, false, true}, scanner.candidates("i want to kill myself"));
        assertArrayEquals(new boolean[] {false, false, true}, scanner.candidates(""));
        assertEquals(2, scanner.filterable());
    }

    @Test
    void overlappingLiteralsAreAllFound() {
        LiteralScanner scanner = LiteralScanner.of(List.of(Pattern.compile("she"), Pattern.compile("he"),
                Pattern.compile("hers"), Pattern.compile("his")));

        assertArrayEquals(new boolean[] {true, true, true, false}, scanner.candidates("ushers"));
    }

    /**
     * The guarantee the crisis lexicon relies on: wherever a pattern matches, the scanner says it may. Checked on
     * every training and evaluation message, each with every word left out in turn, and random pairs of messages.
     */
    @Test
    void aCrisisPatternThatMatchesIsNeverSkipped() {
        List<Pattern> patterns = CrisisLexicon.patterns();
        LiteralScanner scanner = LiteralScanner.of(patterns);
        assertEquals(patterns.size(), scanner.filterable());
        int matches = 0;
        for (String text : corpus()) {
            boolean[] candidates = scanner.candidates(text);
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    matches++;
                    assertTrue(candidates[i], () -> "skipped a pattern that matches: " + text);
                }
            }
        }
        assertTrue(matches > 500, "the corpus exercises the patterns: " + matches + " matches");
    }

    @Test
    void withThePrefilterTheLexiconSeesExactlyWhatItSawWithout() {
        for (String text : corpus()) {
            assertEquals(CrisisLexicon.detectWithoutPrefilter(text), CrisisLexicon.detect(text), text);
        }
    }

    /** Normalised, typo-corrected messages and variants of them, as the lexicon's patterns see them. */
    static Set<String> corpus() {
        List<String> texts = new ArrayList<>();
        for (LabelledUtterance u : UtteranceFiles.training()) {
            texts.add(CrisisLexicon.correctTypos(TextNormalizer.normalize(u.text())));
        }
        for (LabelledUtterance u : UtteranceFiles.evaluation()) {
            texts.add(CrisisLexicon.correctTypos(TextNormalizer.normalize(u.text())));
        }
        Set<String> corpus = new LinkedHashSet<>(texts);
        for (String text : texts) {
            String[] words = text.split(" ");
            for (int leftOut = 0; leftOut < words.length && words.length > 1; leftOut++) {
                StringBuilder variant = new StringBuilder();
                for (int i = 0; i < words.length; i++) {
                    if (i != leftOut) {
                        variant.append(variant.length() == 0 ? "" : " ").append(words[i]);
                    }
                }
                corpus.add(variant.toString());
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            corpus.add(texts.get(random.nextInt(texts.size())) + " " + texts.get(random.nextInt(texts.size())));
        }
        return corpus;
    }
}
