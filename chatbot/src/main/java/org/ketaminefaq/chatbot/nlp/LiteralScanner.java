package org.ketaminefaq.chatbot.nlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells, in one pass over a text, which of a list of patterns could match it at all: a pattern whose
 * {@link RequiredLiterals} are all absent from the text cannot, and need not be run. The literals of all patterns
 * are searched together with an Aho-Corasick automaton. A pattern without required literals is always a candidate.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * LiteralScanner scanner = LiteralScanner.of(patterns);
 * boolean[] candidates = scanner.candidates(text);
 * // patterns.get(i).matcher(text).find() can only be true where candidates[i] is
 * }</pre>
 */
public final class LiteralScanner {

    private final int patterns;
    private final boolean[] always;
    /** Maps a character to its column in {@link #next}; -1 for characters no literal contains. */
    private final int[] column;
    /** The automaton, one row per state: next[state * width + column] is the state after reading a character. */
    private final int[] next;
    private final int width;
    /** The patterns one of whose literals ends at each state; {@code null} where none. */
    private final int[][] found;

    private LiteralScanner(int patterns, boolean[] always, int[] column, int[] next, int width, int[][] found) {
        this.patterns = patterns;
        this.always = always;
        this.column = column;
        this.next = next;
        this.width = width;
        this.found = found;
    }

    /** A scanner for {@code patterns}, in their order. */
    public static LiteralScanner of(List<Pattern> patterns) {
        boolean[] always = new boolean[patterns.size()];
        List<List<String>> literals = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            Optional<Set<String>> required = RequiredLiterals.of(patterns.get(i));
            always[i] = required.isEmpty();
            List<String> sorted = required.map(set -> set.stream().sorted().toList()).orElse(List.of());
            literals.add(sorted);
            sorted.forEach(chars::append);
        }
        char[] alphabet = chars.chars().distinct().sorted().collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();
        int maxChar = alphabet.length == 0 ? 0 : alphabet[alphabet.length - 1];
        int[] column = new int[maxChar + 1];
        Arrays.fill(column, -1);
        for (int c = 0; c < alphabet.length; c++) {
            column[alphabet[c]] = c;
        }

        // the trie of all literals
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        trie.add(newRow(alphabet.length));
        ends.add(new ArrayList<>());
        for (int p = 0; p < literals.size(); p++) {
            for (String literal : literals.get(p)) {
                int state = 0;
                for (int k = 0; k < literal.length(); k++) {
                    int c = column[literal.charAt(k)];
                    if (trie.get(state)[c] < 0) {
                        trie.get(state)[c] = trie.size();
                        trie.add(newRow(alphabet.length));
                        ends.add(new ArrayList<>());
                    }
                    state = trie.get(state)[c];
                }
                ends.get(state).add(p);
            }
        }

        // failure links, breadth first, turned into a complete transition table
        int states = trie.size();
        int[][] next = new int[states][];
        int[] fail = new int[states];
        int[][] found = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        next[0] = trie.get(0).clone();
        for (int c = 0; c < alphabet.length; c++) {
            if (next[0][c] < 0) {
                next[0][c] = 0;
            } else {
                fail[next[0][c]] = 0;
                queue.add(next[0][c]);
            }
        }
        found[0] = toArray(ends.get(0), null);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            found[state] = toArray(ends.get(state), found[fail[state]]);
            next[state] = trie.get(state).clone();
            for (int c = 0; c < alphabet.length; c++) {
                int child = next[state][c];
                if (child < 0) {
                    next[state][c] = next[fail[state]][c];
                } else {
                    fail[child] = next[fail[state]][c];
                    queue.add(child);
                }
            }
        }
        // one flat table rather than an array per state: the scan then reads one block of memory
        int width = alphabet.length;
        int[] flat = new int[states * width];
        for (int state = 0; state < states; state++) {
            System.arraycopy(next[state], 0, flat, state * width, width);
        }
        return new LiteralScanner(patterns.size(), always, column, flat, width, found);
    }

    /** {@code candidates[i]} is false only where pattern {@code i} cannot match {@code text}. */
    public boolean[] candidates(CharSequence text) {
        boolean[] candidates = always.clone();
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int c = ch < column.length ? column[ch] : -1;
            state = c < 0 ? 0 : next[state * width + c];
            int[] here = found[state];
            if (here != null) {
                for (int p : here) {
                    candidates[p] = true;
                }
            }
        }
        return candidates;
    }

    /** How many patterns can be skipped for some texts (those with required literals); for tests. */
    int filterable() {
        int n = 0;
        for (boolean a : always) {
            n += a ? 0 : 1;
        }
        return n;
    }

    int size() {
        return patterns;
    }

    private static int[] newRow(int width) {
        int[] row = new int[width];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] toArray(List<Integer> own, int[] inherited) {
        if (own.isEmpty()) {
            return inherited;
        }
        int[] all = new int[own.size() + (inherited == null ? 0 : inherited.length)];
        for (int i = 0; i < own.size(); i++) {
            all[i] = own.get(i);
        }
        if (inherited != null) {
            System.arraycopy(inherited, 0, all, own.size(), inherited.length);
        }
        return all;
    }
}
