package org.ketaminefaq.chatbot.hardening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.ketaminefaq.chatbot.dialogue.Reply;
import org.ketaminefaq.chatbot.server.ClientFrame;

/**
 * Random client frames for the property tests: JSON of every shape and type, text in every script and in none
 * (emoji, right-to-left text, combining marks, lone surrogates, NUL), huge numbers, deep nesting, duplicate keys and
 * broken JSON; and, for each, what {@code ProtocolCodec.decode} must make of it, from the protocol's rules alone.
 *
 * <p>The oracle knows the decoder's limits on purpose, since they are part of the protocol's defence: nesting
 * deeper than 16, an integer of more than 64 digits and a repeated key are each {@code bad_json}.
 */
final class JsonShapes {

    /** The deepest nesting the decoder reads. */
    static final int MAX_DEPTH = 16;
    /** The most digits an integer may have. */
    static final int MAX_INTEGER_DIGITS = 64;

    /** Text that has broken chat software somewhere: scripts, directions, joiners, marks, controls, surrogates. */
    static final List<String> NASTY = List.of(
            "😀", "🙂👍🏽", "👩‍⚕️", "🏳️‍🌈", "\uD83D\uDE00", "🇺🇸", "𝕂𝔼𝕋𝔸𝕄𝕀ℕ𝔼",
            "שלום, כמה זה עולה?", "كم تكلفة الكيتامين؟", "\u202Eetimaket\u202C", "\u200Fabc\u200E", "\u2066x\u2069",
            "e\u0301", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359", "\u0301\u0301\u0301", "ﷺ", "ﷻ",
            "\u0000", "a\u0000b", "\u0001\u001F\u007F", "\t\r\n", "\u2028\u2029", "\uFEFF", "\u200B\u200C\u200D",
            "\uD800", "\uDFFF", "\uDBFF\uDBFF", "x\uDC00y", "\uFFFF", "\uFFFE", "\uDBFF\uDFFF", "\u00A0",
            "ケタミンの費用", "氯胺酮", "кетамин", "ΚΕΤΑΜΊΝΗ", "İstanbul ıi", "ß", "ﬁ", "Å", "Ǆ",
            "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x}",
            "'; DROP TABLE chats; --", "%s%n%x", "\\u0000", "\\", "\"", "null", "{\"type\":\"reset\"}", " ");

    /** Things visitors really say, so that random chats also reach answers, the screening and the crisis reply. */
    static final List<String> SAYINGS = List.of(
            "how much does ketamine cost?", "what are the side effects", "am I a candidate for ketamine?", "yes",
            "no", "nope", "I'm 34", "I've tried three", "depression", "Done", "not sure", "stop", "is it addictive",
            "I want to end my life", "how long does an IV infusion take", "and how long does that take?", "hi",
            "does insurance cover spravato", "I'm 16", "Depression", "PTSD", "None of these");

    private JsonShapes() {
    }

    /** A JSON value, as the frame's author built it. */
    sealed interface Node {
    }

    record Str(String value) implements Node {
    }

    /** A number literal; {@code digits} counts an integer's digits (0 for other numbers). */
    record Num(String literal, int digits) implements Node {
    }

    /** {@code true}, {@code false} or {@code null}. */
    record Lit(String literal) implements Node {
    }

    record Arr(List<Node> items) implements Node {
    }

    record Obj(List<Member> members) implements Node {
    }

    record Member(String key, Node value) {
    }

    /** How a frame is written out: which characters are escaped, and the whitespace between tokens. */
    record Style(boolean escapeNonAscii, boolean escapeSlash, long whitespaceSeed) {
    }

    /**
     * One frame: a JSON value written in a style, then perhaps broken.
     *
     * @param cut when at least 0, the text is cut to this many characters of its JSON (a proper prefix)
     * @param garbage text put after the JSON, or a NUL put in the middle ("\0" only), or nothing
     */
    record Frame(Node root, Style style, int cut, String garbage) {

        /** The text of the frame. */
        String text() {
            return text(style);
        }

        /**
         * The text, with every non-ASCII character escaped when it has a lone surrogate: such text cannot be sent
         * as UTF-8, so a browser could only ever send it escaped.
         */
        String wireText() {
            return text(wireStyle());
        }

        private Style wireStyle() {
            return isWellFormed(text()) ? style : new Style(true, style.escapeSlash(), style.whitespaceSeed());
        }

        private String text(Style s) {
            String json = render(root, s);
            if (cut >= 0) {
                int end = json.stripTrailing().length();
                return json.substring(0, Math.min(cut, end - 1));
            }
            if (garbage.equals("\0")) {
                int middle = json.length() / 2;
                return json.substring(0, middle) + '\0' + json.substring(middle);
            }
            return json + garbage;
        }

        /** What the decoder must read from {@link #text()}. */
        ClientFrame expected() {
            return expected(style);
        }

        /** What the decoder must read from {@link #wireText()}. */
        ClientFrame wireExpected() {
            return expected(wireStyle());
        }

        private ClientFrame expected(Style s) {
            if (cut >= 0 || !garbage.isEmpty()) {
                // a proper prefix of a JSON value is not JSON, nor is JSON with a NUL or more tokens after it
                return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
            }
            if (s.escapeNonAscii() && hasKeyWithLoneSurrogate(root)) {
                // Jackson refuses an escaped lone surrogate in a key ("broken surrogate pair in field name"), though
                // it takes one in a value, and takes a raw one anywhere (which only an in-process caller can send)
                return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
            }
            return JsonShapes.expected(root);
        }

        @Override
        public String toString() {
            return "Frame[" + text() + "]";
        }
    }

    /** The protocol's reading of a well-formed JSON value. */
    static ClientFrame expected(Node root) {
        if (depth(root) > MAX_DEPTH || hasLongInteger(root) || hasRepeatedKey(root)) {
            return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
        }
        if (!(root instanceof Obj object)) {
            return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
        }
        Node type = member(object, "type");
        if (type == null) {
            return new ClientFrame.Invalid(Reply.ErrorCode.UNKNOWN_TYPE);
        }
        if (!(type instanceof Str typeName)) {
            return new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
        }
        switch (typeName.value()) {
            case "message": {
                Node text = member(object, "text");
                return text instanceof Str s ? new ClientFrame.Message(s.value())
                        : new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
            }
            case "reset":
                return new ClientFrame.Reset();
            case "resume": {
                Node token = member(object, "token");
                return token instanceof Str t ? new ClientFrame.Resume(t.value())
                        : new ClientFrame.Invalid(Reply.ErrorCode.BAD_JSON);
            }
            default:
                return new ClientFrame.Invalid(Reply.ErrorCode.UNKNOWN_TYPE);
        }
    }

    // ---- generators ----

    /** Text of every kind: ASCII, nasty Unicode, any UTF-16 code unit at all, and what visitors say. */
    static Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ascii().ofMaxLength(16)),
                Tuple.of(4, Arbitraries.of(NASTY)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(3, Arbitraries.of(SAYINGS)));
        Arbitrary<String> mixed = piece.list().ofMaxSize(8).map(parts -> String.join(" ", parts));
        // around the length limit, counted in code points: 1,000 emoji are 2,000 chars
        Arbitrary<String> nearLimit = Combinators.combine(Arbitraries.integers().between(995, 1005),
                Arbitraries.of("a", "é", "😀", "e\u0301", "ש")).as((n, unit) -> unit.repeat(n));
        Arbitrary<String> blank = Arbitraries.of("", " ", "\t\n", "\u2028", "\u3000", "\u00A0", "\u200B");
        return Arbitraries.frequencyOf(Tuple.of(12, mixed), Tuple.of(1, nearLimit), Tuple.of(2, blank));
    }

    /** Keys, with the protocol's own among them so that they repeat now and then. */
    static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("type", "text", "Type", "TEXT", "type ", "", "__proto__", "constructor")),
                Tuple.of(3, texts().filter(t -> t.length() < 40)));
    }

    static Arbitrary<Node> numbers() {
        Arbitrary<Node> small = Arbitraries.integers().map(i -> new Num(Integer.toString(i), digits(i)));
        Arbitrary<Node> huge = Combinators.combine(Arbitraries.integers().between(1, 200), Arbitraries.of("", "-"),
                        Arbitraries.integers().between(1, 9))
                .as((digits, sign, first) -> new Num(sign + first + "7".repeat(digits - 1), digits));
        Arbitrary<Node> fractions = Arbitraries.of("0.5", "-0.0", "1e999999", "1E-400", "6.02E+23",
                "-1.7976931348623157e308", "4.9e-324", "123456789.123456789", "0e0", "1e-7")
                .map(literal -> new Num(literal, 0));
        return Arbitraries.frequencyOf(Tuple.of(3, small), Tuple.of(2, huge), Tuple.of(2, fractions));
    }

    static Arbitrary<Node> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, texts().map(Str::new)),
                Tuple.of(3, numbers()),
                Tuple.of(2, Arbitraries.of("true", "false", "null").map(Lit::new)));
    }

    /** Any JSON value, nested up to {@code depth} levels below it. */
    static Arbitrary<Node> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<Node> inner = Arbitraries.lazy(() -> values(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalars()),
                Tuple.of(1, inner.list().ofMaxSize(4).map(Arr::new)),
                Tuple.of(1, Combinators.combine(keys(), inner).as(Member::new).list().ofMaxSize(4).map(Obj::new)));
    }

    /** A single chain of arrays and objects from 1 to 40 levels deep, around a protocol message. */
    static Arbitrary<Node> deepChains() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.longs())
                .as((levels, seed) -> {
                    Random random = new Random(seed);
                    Node inside = new Str("deep");
                    for (int i = 1; i < levels; i++) {
                        inside = random.nextBoolean() ? new Arr(List.of(inside))
                                : new Obj(List.of(new Member("k" + i, inside)));
                    }
                    return new Obj(List.of(new Member("type", new Str("message")), new Member("text", new Str("hi")),
                            new Member("nested", inside)));
                });
    }

    /** Objects shaped like protocol frames, right or wrong in every way the protocol names. */
    static Arbitrary<Node> protocolObjects() {
        Arbitrary<Node> typeValue = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("message", "reset").map(Str::new)),
                Tuple.of(1, Arbitraries.of("Message", "RESET", "message ", "", "ping", "error", "welcome")
                        .map(Str::new)),
                Tuple.of(1, texts().map(Str::new)),
                Tuple.of(1, values(2)));
        Arbitrary<Node> textValue = Arbitraries.frequencyOf(
                Tuple.of(8, texts().map(Str::new)),
                Tuple.of(2, values(3)));
        Arbitrary<List<Member>> extras = Combinators.combine(keys(), values(3)).as(Member::new).list().ofMaxSize(3);
        return Combinators.combine(typeValue.optional(), textValue.optional(), extras, Arbitraries.longs())
                .as((type, text, more, seed) -> {
                    List<Member> members = new ArrayList<>(more);
                    type.ifPresent(t -> members.add(new Member("type", t)));
                    text.ifPresent(t -> members.add(new Member("text", t)));
                    java.util.Collections.shuffle(members, new Random(seed));
                    return new Obj(members);
                });
    }

    /** Well-formed messages: what a browser sends, with text of every kind. */
    static Arbitrary<Frame> messages() {
        Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(1, texts()), Tuple.of(1, Arbitraries.of(SAYINGS)));
        return Combinators.combine(text, styles()).as((t, style) -> new Frame(
                new Obj(List.of(new Member("type", new Str("message")), new Member("text", new Str(t)))), style, -1,
                ""));
    }

    /** What a chat sends: mostly messages, now and then a reset, and frames of every other kind. */
    static Arbitrary<Frame> chatFrames() {
        Arbitrary<Frame> reset = styles().map(style -> new Frame(
                new Obj(List.of(new Member("type", new Str("reset")))), style, -1, ""));
        return Arbitraries.frequencyOf(Tuple.of(6, messages()), Tuple.of(1, reset), Tuple.of(3, frames()));
    }

    private static Arbitrary<Style> styles() {
        return Combinators.combine(Arbitraries.of(false, false, true), Arbitraries.of(false, true),
                Arbitraries.longs()).as(Style::new);
    }

    /** Frames of every kind: protocol objects, any JSON, deep chains; well-formed or broken. */
    static Arbitrary<Frame> frames() {
        Arbitrary<Node> roots = Arbitraries.frequencyOf(
                Tuple.of(6, protocolObjects()),
                Tuple.of(2, values(4)),
                Tuple.of(1, deepChains()));
        Arbitrary<Integer> cuts = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, 200)));
        Arbitrary<String> garbage = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("x", "}", "{}", " []", ",", "\0", " null", "\u00A0", "//")));
        return Combinators.combine(roots, styles(), cuts, garbage)
                .as((root, style, cut, junk) -> new Frame(root, style, cut, cut >= 0 ? "" : junk));
    }

    // ---- rendering ----

    static String render(Node node, Style style) {
        StringBuilder out = new StringBuilder();
        render(node, style, new Random(style.whitespaceSeed()), out);
        return out.toString();
    }

    private static void render(Node node, Style style, Random ws, StringBuilder out) {
        space(ws, out);
        if (node instanceof Str s) {
            quote(s.value(), style, out);
        } else if (node instanceof Num n) {
            out.append(n.literal());
        } else if (node instanceof Lit l) {
            out.append(l.literal());
        } else if (node instanceof Arr a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                render(a.items().get(i), style, ws, out);
            }
            space(ws, out);
            out.append(']');
        } else if (node instanceof Obj o) {
            out.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(ws, out);
                quote(o.members().get(i).key(), style, out);
                space(ws, out);
                out.append(':');
                render(o.members().get(i).value(), style, ws, out);
            }
            space(ws, out);
            out.append('}');
        }
        space(ws, out);
    }

    /** JSON's own whitespace, now and then. */
    private static void space(Random ws, StringBuilder out) {
        if (ws.nextInt(4) == 0) {
            out.append(" \t\n\r".charAt(ws.nextInt(4)));
        }
    }

    private static void quote(String value, Style style, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '/' && style.escapeSlash()) {
                out.append("\\/");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || (style.escapeNonAscii() && c > 0x7E)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    // ---- the oracle's helpers ----

    private static Node member(Obj object, String key) {
        for (Member m : object.members()) {
            if (m.key().equals(key)) {
                return m.value();
            }
        }
        return null;
    }

    static int depth(Node node) {
        if (node instanceof Arr a) {
            return 1 + a.items().stream().mapToInt(JsonShapes::depth).max().orElse(0);
        } else if (node instanceof Obj o) {
            return 1 + o.members().stream().mapToInt(m -> depth(m.value())).max().orElse(0);
        }
        return 0;
    }

    private static boolean hasLongInteger(Node node) {
        if (node instanceof Num n) {
            return n.digits() > MAX_INTEGER_DIGITS;
        } else if (node instanceof Arr a) {
            return a.items().stream().anyMatch(JsonShapes::hasLongInteger);
        } else if (node instanceof Obj o) {
            return o.members().stream().anyMatch(m -> hasLongInteger(m.value()));
        }
        return false;
    }

    private static boolean hasKeyWithLoneSurrogate(Node node) {
        if (node instanceof Arr a) {
            return a.items().stream().anyMatch(JsonShapes::hasKeyWithLoneSurrogate);
        } else if (node instanceof Obj o) {
            return o.members().stream().anyMatch(m -> !isWellFormed(m.key()) || hasKeyWithLoneSurrogate(m.value()));
        }
        return false;
    }

    private static boolean hasRepeatedKey(Node node) {
        if (node instanceof Arr a) {
            return a.items().stream().anyMatch(JsonShapes::hasRepeatedKey);
        } else if (node instanceof Obj o) {
            Set<String> seen = new HashSet<>();
            for (Member m : o.members()) {
                if (!seen.add(m.key()) || hasRepeatedKey(m.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int digits(int i) {
        return Long.toString(Math.abs((long) i)).length();
    }

    /** Whether {@code text} has no lone surrogate, and so can be written as UTF-8. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
