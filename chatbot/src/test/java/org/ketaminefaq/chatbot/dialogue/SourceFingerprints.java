package org.ketaminefaq.chatbot.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The cited articles' sentences as sequences of word checksums, so that a test can tell how close the project's
 * sentences come to them without the articles themselves in the repository (they are cited, not included). Each line
 * of {@code source-sentences.txt} is a source id, a tab, and one sentence's words as CRC-32 checksums in hex.
 *
 * <p>To refresh it after a source is added: {@code java SourceFingerprints.java DIR > source-sentences.txt}, where DIR
 * holds the articles as {@code <id>.txt}.
 */
final class SourceFingerprints {

    static final String RESOURCE = "source-sentences.txt";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\n+|\\s+\u2022\\s+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");
    /** Shorter sentences ("Talk to your doctor.") are alike in any two texts on the same topic. */
    static final int MIN_WORDS = 6;

    private SourceFingerprints() {
    }

    /** The sentences of a text of at least {@link #MIN_WORDS} words, each as its words' checksums. */
    static List<int[]> sentences(String text) {
        List<int[]> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            int[] words = Arrays.stream(NOT_A_WORD.split(sentence.toLowerCase(Locale.ROOT).replace("\u2019", "")))
                    .filter(w -> !w.isEmpty()).mapToInt(SourceFingerprints::checksum).toArray();
            if (words.length >= MIN_WORDS) {
                sentences.add(words);
            }
        }
        return sentences;
    }

    private static int checksum(String word) {
        CRC32 crc = new CRC32();
        crc.update(word.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** Each source's sentences, read from the test resource. */
    static Map<String, List<int[]>> load() throws IOException {
        Map<String, List<int[]>> bySource = new LinkedHashMap<>();
        try (InputStream in = SourceFingerprints.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the test classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                int[] words = Arrays.stream(parts[1].split(" ")).mapToInt(h -> Integer.parseUnsignedInt(h, 16)).toArray();
                bySource.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(words);
            }
        }
        return bySource;
    }

    /** One minus the word-level edit distance over the longer length: 1 for the same words in the same order. */
    static double similarity(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1),
                        previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1 - (double) previous[b.length] / Math.max(a.length, b.length);
    }

    public static void main(String[] args) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
                for (int[] sentence : sentences(Files.readString(file))) {
                    StringBuilder line = new StringBuilder(id).append('\t');
                    for (int i = 0; i < sentence.length; i++) {
                        line.append(i == 0 ? "" : " ").append(Integer.toHexString(sentence[i]));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
