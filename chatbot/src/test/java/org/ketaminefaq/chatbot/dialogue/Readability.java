package org.ketaminefaq.chatbot.dialogue;

import java.util.Arrays;
import java.util.Locale;

/** Flesch-Kincaid grade level, the measure the content guide states answers in. */
final class Readability {

    private Readability() {
    }

    static int words(String text) {
        return wordsOf(text).length;
    }

    /** 0.39 x words/sentences + 11.8 x syllables/words - 15.59. */
    static double grade(String text) {
        String[] words = wordsOf(text);
        long sentences = Math.max(1, Arrays.stream(text.split("[.!?]+(\\s|$)")).filter(s -> !s.isBlank()).count());
        int syllables = Arrays.stream(words).mapToInt(Readability::syllables).sum();
        return 0.39 * words.length / sentences + 11.8 * syllables / words.length - 15.59;
    }

    private static String[] wordsOf(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9$%']+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    /** Vowel groups, less a silent final e, at least one. */
    static int syllables(String word) {
        String w = word.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        int groups = 0;
        boolean inVowel = false;
        for (char c : w.toCharArray()) {
            boolean vowel = "aeiouy".indexOf(c) >= 0;
            if (vowel && !inVowel) {
                groups++;
            }
            inVowel = vowel;
        }
        if (w.endsWith("e") && !w.endsWith("le") && groups > 1) {
            groups--;
        }
        return Math.max(1, groups);
    }
}
