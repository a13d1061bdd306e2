package io.sextant.guard.detect;

import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.ParsedMarking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds markings in extracted free text in one linear scan: banner lines, portion marks that open a line, and (for
 * claim checks) marking-like strings anywhere. The parser runs only where a cheap pre-check passes: a {@code (}
 * followed by a level token ({@code U}, {@code C}, {@code S}, {@code TS}, a spelled-out level, {@code CUI}) or by
 * {@code //}; or an upper-case level word at a word boundary. Markings are upper case by convention, so lower-case
 * look-alikes such as {@code (s)} in "document(s)" or {@code (c)} in an enumeration are not markings here; the
 * claims scan ({@link #detectAll}) also reports lower- or mixed-case strings that contain {@code //}, such as
 * {@code (ts//si)}. Thread-safe.
 */
public final class MarkingDetector {

    private static final MarkingDetector DEFAULT = new MarkingDetector(MarkingParser.defaultParser());
    /** Longest marking the scanner will hand to the parser; real markings are far shorter. */
    static final int MAX_MARKING = 300;
    /** How far past its last {@code //} an embedded banner-like run may reach (the longest last category). */
    private static final int TAIL = 60;

    private final MarkingParser parser;

    /** @param parser the parser (vocabulary and profile) to read markings with */
    public MarkingDetector(MarkingParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** @return a detector on the default parser */
    public static MarkingDetector defaults() {
        return DEFAULT;
    }

    /**
     * Banner lines and portion marks that open a line (after indentation or a list bullet), in text order: what an
     * ingest step needs to split a document into portions.
     *
     * @param text extracted text
     * @return the markings found, in order of their start offsets
     */
    public List<DetectedMarking> detect(CharSequence text) {
        return scan(text.toString(), false);
    }

    /**
     * Everything {@link #detect} finds plus every marking-like string elsewhere (a {@code (TS//SI)} mid-sentence, an
     * upper-case {@code TOP SECRET//SI}): what a claims check needs.
     *
     * @param text extracted or generated text
     * @return the markings found, in order of their start offsets
     */
    public List<DetectedMarking> detectAll(CharSequence text) {
        return scan(text.toString(), true);
    }

    /**
     * Splits text into portions for ingest: each line-start portion mark governs the text up to the next portion mark
     * or banner line; banner lines belong to no portion; non-blank text before the first mark (or after a banner line)
     * is returned unmarked ({@link TextPortion#mark()} null) so the caller can reject it.
     *
     * @param text extracted text
     * @return the portions in text order, blank stretches left out
     */
    public List<TextPortion> split(CharSequence text) {
        String s = text.toString();
        List<TextPortion> out = new ArrayList<>();
        int from = 0;
        DetectedMarking current = null;
        for (DetectedMarking d : detect(s)) {
            addPortion(s, from, d.start(), current, out);
            current = d.kind() == DetectedMarking.Kind.PORTION_MARK ? d : null;
            from = d.end();
        }
        addPortion(s, from, s.length(), current, out);
        return out;
    }

    private static void addPortion(String s, int from, int to, DetectedMarking mark, List<TextPortion> out) {
        int a = from;
        while (a < to && Character.isWhitespace(s.charAt(a))) {
            a++;
        }
        int b = to;
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        if (mark != null || a < b) {
            out.add(new TextPortion(a, Math.max(a, b), mark));
        }
    }

    private List<DetectedMarking> scan(String s, boolean all) {
        List<DetectedMarking> out = new ArrayList<>();
        Map<String, Parsed> cache = new HashMap<>();
        String u = all ? PreChecks.asciiUpper(s) : s;
        int n = s.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = s.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            line(s, u, lineStart, lineEnd, all, out, cache);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private void line(String s, String u, int from, int to, boolean all, List<DetectedMarking> out,
            Map<String, Parsed> cache) {
        int a = from;
        while (a < to && PreChecks.isBlank(s.charAt(a))) {
            a++;
        }
        int b = to;
        while (b > a && PreChecks.isBlank(s.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            return;
        }
        if (PreChecks.bannerCandidate(s, a, b)) {
            out.add(parse(DetectedMarking.Kind.BANNER_LINE, s, a, b, false, cache));
            return;
        }
        int p = PreChecks.skipBullet(s, a, b);
        int scanFrom = a;
        if (s.charAt(p) == '(') {
            int end = PreChecks.portionEnd(s, p, b);
            if (end > 0) {
                out.add(parse(DetectedMarking.Kind.PORTION_MARK, s, p, end, true, cache));
                scanFrom = end;
            }
        }
        if (all) {
            embedded(s, u, scanFrom, b, out, cache);
        }
    }

    /**
     * Scans the upper-cased copy {@code u}: a candidate written in upper case is always reported; one in lower or
     * mixed case only when it holds {@code //} (so "(ts//si)" is a claim, "document(s)" is not).
     */
    private void embedded(String s, String u, int from, int to, List<DetectedMarking> out,
            Map<String, Parsed> cache) {
        int i = from;
        while (i < to) {
            char c = u.charAt(i);
            if (c == '(') {
                int end = PreChecks.portionEnd(u, i, to);
                if (end > 0 && reportable(s, u, i, end)) {
                    out.add(parse(DetectedMarking.Kind.EMBEDDED, s, i, end, true, cache));
                    i = end;
                    continue;
                }
            } else if ((c == 'T' || c == 'S' || c == 'C' || c == 'U' || c == '/') && PreChecks.wordBoundaryBefore(u, i)) {
                int end = bannerLikeAt(s, u, i, to, out, cache);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            i++;
        }
    }

    private static boolean reportable(String s, String u, int from, int to) {
        if (s.regionMatches(from, u, from, to - from)) {
            return true;
        }
        int k = u.indexOf("//", from);
        return k >= 0 && k < to;
    }

    /** A banner-like run starting at {@code i}: a level word, or {@code //} and a foreign classification head. */
    private int bannerLikeAt(String s, String u, int i, int to, List<DetectedMarking> out,
            Map<String, Parsed> cache) {
        boolean foreign = u.startsWith("//", i) && PreChecks.foreignHead(u, i + 2, to) && (i == 0 || u.charAt(i - 1) != ':');
        String word = foreign ? "//" : PreChecks.startsWithWord(u, i, to, PreChecks.LEVEL_WORDS);
        if (word == null) {
            return -1;
        }
        // Written in upper case: the run is the upper-case text; otherwise the upper-cased copy's run, which
        // reportable() then accepts only when it holds "//".
        String r = s.startsWith(word, i) ? s : u;
        int end = i;
        while (end < to && end - i < MAX_MARKING && PreChecks.isBannerChar(r.charAt(end))) {
            end++;
        }
        int slashes = u.lastIndexOf("//", end - 2);
        if (slashes >= i) {
            end = Math.min(end, slashes + 2 + TAIL);
        }
        while (end > i && (u.charAt(end - 1) == ' ' || u.charAt(end - 1) == ',' || u.charAt(end - 1) == '-')) {
            end--;
        }
        if (!reportable(s, u, i, end)) {
            return -1;
        }
        DetectedMarking first = parse(DetectedMarking.Kind.EMBEDDED, s, i, end, false, cache);
        if (first.isValid()) {
            out.add(first);
            return end;
        }
        int cut = end;
        for (int tries = 0; tries < 12; tries++) {
            cut = Math.max(u.lastIndexOf(' ', cut - 1), u.lastIndexOf('/', cut - 1));
            while (cut > i && (u.charAt(cut - 1) == '/' || u.charAt(cut - 1) == ' ' || u.charAt(cut - 1) == ',')) {
                cut--;
            }
            if (cut <= i) {
                break;
            }
            DetectedMarking shorter = parse(DetectedMarking.Kind.EMBEDDED, s, i, cut, false, cache);
            if (shorter.isValid()) {
                out.add(shorter);
                return cut;
            }
        }
        out.add(first);
        return end;
    }

    private DetectedMarking parse(DetectedMarking.Kind kind, String s, int start, int end, boolean portion,
            Map<String, Parsed> cache) {
        String t = s.substring(start, end);
        Parsed p = cache.computeIfAbsent(portion ? "P" + t : "B" + t, k -> parseText(t, portion));
        DetectedMarking.Outcome o = p.parsed != null ? new DetectedMarking.Valid(p.parsed)
                : new DetectedMarking.Invalid(start + p.position, p.reason);
        return new DetectedMarking(kind, start, end, t, o);
    }

    private Parsed parseText(String t, boolean portion) {
        try {
            return new Parsed(portion ? parser.parsePortion(t) : parser.parseBanner(t), 0, null);
        } catch (InvalidMarkingException e) {
            return new Parsed(null, Math.min(e.position(), t.length()), e.reason());
        } catch (RuntimeException e) {
            return new Parsed(null, 0, "marking could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** A parse result relative to the marking text; documents repeat their marks, so one scan parses each once. */
    private record Parsed(ParsedMarking parsed, int position, String reason) {
    }

}
