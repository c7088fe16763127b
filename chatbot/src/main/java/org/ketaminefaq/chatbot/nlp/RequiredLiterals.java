package org.ketaminefaq.chatbot.nlp;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The literal strings at least one of which every match of a regular expression contains, read off the pattern
 * itself, so that a text containing none of them can skip the pattern: it cannot match. For the crisis lexicon's
 * {@code \b(kill|hurt|...|ending) my ?self\b} that is {@code {"self"}}; for {@code \bsuicid(e|al)\b.{0,40}\bagain\b}
 * it is {@code {"suicide", "suicidal"}} or {@code {"again"}}, whichever is the more selective.
 *
 * <p>Conservative by construction: it understands literals, groups, alternation, the quantifiers {@code ? * + {m,n}},
 * character classes, {@code .} and the zero-width {@code \b \B ^ $}; anything else in a pattern (a lookaround, a
 * back reference, a flag, {@code \p{...}}), and any pattern compiled with flags, gives no literals, which means
 * "always run the pattern". A pattern whose matches may be empty gives none either.
 *
 * <p>Why each rule is safe, for a node that matches a string s: a literal matches itself; a concatenation's s
 * contains each part's match, and a run of parts with finite sets of matches contains one of their concatenations;
 * an alternation's s is one alternative's match; {@code x+} and {@code x{m,n}} with m at least 1 contain a match of
 * x; {@code x?}, {@code x*} and {@code x{0,n}} may match the empty string and give nothing.
 */
final class RequiredLiterals {

    /** The most strings a finite set of matches may have before it stops being tracked. */
    private static final int MAX_SET = 16;

    private final String regex;
    private int pos;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /** The literals every match of {@code pattern} contains one of; empty when there are none to rely on. */
    static Optional<Set<String>> of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return Optional.empty();
        }
        try {
            RequiredLiterals parser = new RequiredLiterals(pattern.pattern());
            Info info = parser.alternation();
            if (parser.pos != parser.regex.length()) {
                return Optional.empty(); // an unbalanced ')': not a pattern this parser understands
            }
            return Optional.ofNullable(info.effectiveRequired()).map(Set::copyOf);
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * What is known about the strings a node matches.
     *
     * @param exact all of them, when they are few and known; {@code null} otherwise
     * @param required strings at least one of which each of them contains; {@code null} when none is known
     */
    private record Info(Set<String> exact, Set<String> required) {
        static final Info NOTHING_KNOWN = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        Set<String> effectiveRequired() {
            Set<String> fromExact = exact != null && !exact.contains("") ? exact : null;
            return best(fromExact, required);
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Info alternation() {
        List<Info> alternatives = new java.util.ArrayList<>();
        alternatives.add(concatenation());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            alternatives.add(concatenation());
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        Set<String> exact = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (Info a : alternatives) {
            if (exact != null && a.exact() != null) {
                exact.addAll(a.exact());
                if (exact.size() > MAX_SET) {
                    exact = null;
                }
            } else {
                exact = null;
            }
            Set<String> r = a.effectiveRequired();
            if (required != null && r != null) {
                required.addAll(r);
            } else {
                required = null;
            }
        }
        return new Info(exact, required);
    }

    private Info concatenation() {
        Set<String> run = Set.of("");
        boolean allExact = true;
        Set<String> required = null;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Info part = quantified();
            if (part.exact() != null && (long) run.size() * part.exact().size() <= MAX_SET) {
                run = concat(run, part.exact());
            } else {
                allExact = false;
                required = best(required, withoutEmpty(run));
                required = best(required, part.effectiveRequired());
                run = part.exact() != null ? part.exact() : Set.of("");
            }
        }
        required = best(required, withoutEmpty(run));
        return new Info(allExact ? run : null, required);
    }

    private Info quantified() {
        Info atom = atom();
        if (pos >= regex.length()) {
            return atom;
        }
        char c = regex.charAt(pos);
        Info result;
        if (c == '?') {
            pos++;
            result = new Info(atom.exact() == null ? null : union(atom.exact(), Set.of("")), null);
        } else if (c == '*') {
            pos++;
            result = Info.NOTHING_KNOWN;
        } else if (c == '+') {
            pos++;
            result = new Info(null, atom.effectiveRequired());
        } else if (c == '{') {
            int close = regex.indexOf('}', pos);
            if (close < 0) {
                throw new Unsupported();
            }
            String[] bounds = regex.substring(pos + 1, close).split(",", -1);
            pos = close + 1;
            int min;
            try {
                min = Integer.parseInt(bounds[0]);
            } catch (NumberFormatException e) {
                throw new Unsupported();
            }
            boolean once = bounds.length == 1 && min == 1 || bounds.length == 2 && bounds[0].equals("1")
                    && bounds[1].equals("1");
            result = min == 0 ? Info.NOTHING_KNOWN : new Info(once ? atom.exact() : null, atom.effectiveRequired());
        } else {
            return atom;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same strings can match
        }
        return result;
    }

    private Info atom() {
        char c = regex.charAt(pos++);
        switch (c) {
            case '(': {
                if (pos < regex.length() && regex.charAt(pos) == '?') {
                    if (pos + 1 < regex.length() && regex.charAt(pos + 1) == ':') {
                        pos += 2;
                    } else {
                        throw new Unsupported(); // lookaround, named group, flags
                    }
                }
                Info inner = alternation();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return inner;
            }
            case '[':
                skipClass();
                return Info.NOTHING_KNOWN;
            case '.':
                return Info.NOTHING_KNOWN;
            case '^':
            case '$':
                return Info.EMPTY;
            case '\\': {
                if (pos >= regex.length()) {
                    throw new Unsupported();
                }
                char e = regex.charAt(pos++);
                if (e == 'b' || e == 'B') {
                    return Info.EMPTY;
                }
                if ("dDsSwW".indexOf(e) >= 0) {
                    return Info.NOTHING_KNOWN;
                }
                if (Character.isLetterOrDigit(e)) {
                    throw new Unsupported(); // \p{..}, \x.., \Q, back references and the like
                }
                return new Info(Set.of(String.valueOf(e)), null);
            }
            case ')':
            case '|':
            case '?':
            case '*':
            case '+':
            case '{':
                throw new Unsupported();
            default:
                return new Info(Set.of(String.valueOf(c)), null);
        }
    }

    private void skipClass() {
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            pos++;
        }
        if (pos < regex.length() && regex.charAt(pos) == ']') {
            pos++; // a ']' right after '[' or '[^' is a literal
        }
        while (pos < regex.length()) {
            char c = regex.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                throw new Unsupported(); // nested classes, intersections
            } else if (c == ']') {
                return;
            }
        }
        throw new Unsupported();
    }

    private static Set<String> concat(Set<String> left, Set<String> right) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : left) {
            for (String r : right) {
                out.add(l + r);
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<String> withoutEmpty(Set<String> run) {
        return run.contains("") ? null : run;
    }

    /** The more selective of two requirements: the longer shortest string, then the fewer strings. */
    private static Set<String> best(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Comparator<Set<String>> selectivity = Comparator
                .<Set<String>>comparingInt(s -> s.stream().mapToInt(String::length).min().orElse(0))
                .thenComparing(Comparator.<Set<String>>comparingInt(Set::size).reversed());
        return selectivity.compare(a, b) >= 0 ? a : b;
    }
}
