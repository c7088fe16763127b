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

    /** Syllables of 0 to 19, of twenty to ninety by tens, as spoken. */
    private static final int[] ONES = {2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2};
    private static final int[] TENS = {0, 0, 2, 2, 2, 2, 2, 3, 2, 2};

    /**
     * Vowel groups, less a silent final e, at least one; a number as it is read aloud ("6,800" is "six thousand eight
     * hundred"; "$400" adds "dollars" and "78%" adds "percent").
     */
    static int syllables(String word) {
        String digits = word.replaceAll("[^0-9]", "");
        if (!digits.isEmpty() && digits.length() <= 12) {
            int extra = (word.contains("$") ? 2 : 0) + (word.contains("%") ? 2 : 0);
            return spoken(Long.parseLong(digits)) + extra;
        }
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

    /** Syllables of a whole number read aloud; a year such as 1970 is read "nineteen seventy". */
    static int spoken(long n) {
        if (n >= 1100 && n < 2100 && n % 1000 != 0) {
            long low = n % 100;
            return spoken(n / 100) + (low == 0 ? 2 : low < 10 ? 1 + spoken(low) : spoken(low));
        }
        if (n >= 1_000_000) {
            return spoken(n / 1_000_000) + 2 + (n % 1_000_000 == 0 ? 0 : spoken(n % 1_000_000));
        }
        if (n >= 1000) {
            return spoken(n / 1000) + 2 + (n % 1000 == 0 ? 0 : spoken(n % 1000));
        }
        if (n >= 100) {
            return spoken(n / 100) + 2 + (n % 100 == 0 ? 0 : spoken(n % 100));
        }
        if (n >= 20) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? 0 : ONES[(int) (n % 10)]);
        }
        return ONES[(int) n];
    }
}
