package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parses banner lines and portion marks (SPEC §2) into {@link Marking}s. Tolerant where the meaning is unambiguous
 * (case, spacing, titles for abbreviations, order inside a category — each repair is reported as a warning) and
 * strict everywhere else: every rejection is an {@link InvalidMarkingException} with the character position and the
 * reason. Thread-safe and immutable.
 */
public final class MarkingParser {

    private static final MarkingParser DEFAULT = new MarkingParser(Vocabulary.defaults(), Profile.IC);

    /** Markings repeat heavily in real text; results are immutable, so a small bounded cache is safe. */
    private static final int CACHE_LIMIT = 8192;

    private final Vocabulary vocab;
    private final Profile profile;
    private final ConcurrentHashMap<String, ParsedMarking> cache = new ConcurrentHashMap<>();

    /**
     * @param vocab   the closed vocabularies to check tokens against
     * @param profile IC or DOD rules
     */
    public MarkingParser(Vocabulary vocab, Profile profile) {
        this.vocab = Objects.requireNonNull(vocab, "vocab");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** @return a parser on the built-in vocabulary and the IC profile */
    public static MarkingParser defaultParser() {
        return DEFAULT;
    }

    /** @return the vocabulary */
    public Vocabulary vocabulary() {
        return vocab;
    }

    /** @return the profile */
    public Profile profile() {
        return profile;
    }

    /**
     * @param input a portion mark with its parentheses, e.g. {@code (S//NF)}
     * @return the marking and the repairs made
     * @throws InvalidMarkingException when the input is not a valid portion mark
     */
    public ParsedMarking parsePortion(String input) {
        return cached("P", input, () -> parsePortion(input, null));
    }

    /**
     * Parses a portion mark that may use the bare {@code REL} abbreviation, expanded from the banner's REL TO list
     * (SPEC §4 R9).
     *
     * @param input  a portion mark with its parentheses
     * @param banner the banner of the document the portion sits in, or null when there is none
     * @return the marking and the repairs made
     * @throws InvalidMarkingException when the input is not a valid portion mark
     */
    public ParsedMarking parsePortion(String input, Marking banner) {
        String s = precheck(input);
        int a = firstNonSpace(s);
        int b = lastNonSpace(s);
        if (s.charAt(a) != '(') {
            throw new InvalidMarkingException("portion mark must start with '('", a);
        }
        int close = -1;
        for (int i = a + 1; i <= b; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                throw new InvalidMarkingException("unbalanced parentheses: unexpected '('", i);
            }
            if (c == ')') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new InvalidMarkingException("unbalanced parentheses: missing ')'", s.length());
        }
        if (close != b) {
            throw new InvalidMarkingException(s.indexOf(')', close + 1) >= 0 || s.indexOf('(', close + 1) >= 0
                    ? "unbalanced parentheses: more than one portion mark"
                    : "unexpected text after ')'", firstNonSpaceFrom(s, close + 1));
        }
        Span body = Span.of(s, a + 1, close).trim();
        if (body.isEmpty()) {
            throw new InvalidMarkingException("empty portion mark", a + 1);
        }
        return new SyntaxReader(vocab, profile, true, banner).read(body);
    }

    /**
     * @param input a banner line, e.g. {@code TOP SECRET//SI//NOFORN}
     * @return the marking and the repairs made
     * @throws InvalidMarkingException when the input is not a valid banner line
     */
    public ParsedMarking parseBanner(String input) {
        return cached("B", input, () -> readBanner(input));
    }

    private ParsedMarking readBanner(String input) {
        String s = precheck(input);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(' || s.charAt(i) == ')') {
                throw new InvalidMarkingException("parentheses are not part of a banner line", i);
            }
        }
        Span body = Span.of(s, firstNonSpace(s), lastNonSpace(s) + 1);
        return new SyntaxReader(vocab, profile, false, null).read(body);
    }

    /**
     * Parses a portion mark when the input starts with {@code (}, else a banner line.
     *
     * @param input a portion mark or banner line
     * @return the marking and the repairs made
     * @throws InvalidMarkingException when the input is neither
     */
    public ParsedMarking parse(String input) {
        String s = precheck(input);
        return s.charAt(firstNonSpace(s)) == '(' ? parsePortion(input) : parseBanner(input);
    }

    private ParsedMarking cached(String form, String input, Supplier<ParsedMarking> parse) {
        if (input == null || input.length() > 512) {
            return parse.get();
        }
        String key = form + input;
        ParsedMarking hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        ParsedMarking p = parse.get();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, p);
        return p;
    }

    private static String precheck(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidMarkingException(input != null && input.contains("()")
                    ? "empty portion mark" : "empty marking", 0);
        }
        char[] chars = input.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                chars[i] = ' '; // no-break spaces from word processors are spacing too
            } else if (c > 126 || (c < 32 && c != '\t')) {
                throw new InvalidMarkingException(String.format(Locale.ROOT, "unexpected character U+%04X", (int) c),
                        i);
            }
        }
        return new String(chars).toUpperCase(Locale.ROOT);
    }

    private static int firstNonSpace(String s) {
        return firstNonSpaceFrom(s, 0);
    }

    private static int firstNonSpaceFrom(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastNonSpace(String s) {
        int i = s.length() - 1;
        while (i > 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        return i;
    }

    /** Where each part of a marking was written, for pointing errors at the right token. */
    static final class Positions {
        private final Map<String, Integer> map = new HashMap<>();

        void put(String key, int pos) {
            map.putIfAbsent(key, pos);
        }

        boolean has(String key) {
            return map.containsKey(key);
        }

        int of(String key) {
            String k = key;
            while (true) {
                Integer p = map.get(k);
                if (p != null) {
                    return p;
                }
                int cut = Math.max(k.lastIndexOf('-'), k.lastIndexOf(':'));
                if (cut < 0) {
                    Integer c = map.get("CLASS");
                    return c == null ? 0 : c;
                }
                k = k.substring(0, cut);
            }
        }
    }

    /** Collects repairs as readable warnings. */
    static final class Warnings {
        private final List<String> list = new ArrayList<>();

        void add(String w) {
            if (!list.contains(w)) {
                list.add(w);
            }
        }

        List<String> list() {
            return list;
        }
    }
}
