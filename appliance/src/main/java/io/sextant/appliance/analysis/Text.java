package io.sextant.appliance.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lexical heuristics the extractive workflows share: sentences, content words, numbers, names, negation. */
final class Text {

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}(\"'\\d])|\\n\\s*\\n");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\b");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)*");
    private static final Pattern PORTION = Pattern.compile("^\\s*\\((?:U|C|S|TS|R|CUI)(?://[^)]*)?\\)\\s*");
    private static final Set<String> STOP = Set.of("the", "and", "for", "that", "this", "with", "was", "were",
            "are", "is", "has", "have", "had", "been", "from", "into", "its", "his", "her", "their", "they", "them",
            "there", "than", "then", "but", "not", "nor", "all", "any", "which", "who", "whom", "what", "when",
            "where", "will", "would", "can", "could", "may", "might", "shall", "should", "our", "out", "over",
            "also", "one", "two", "some", "such", "very", "more", "most", "other", "about", "after", "before",
            "along", "toward", "towards", "whole", "time", "local", "per", "via", "did", "does", "being", "these",
            "those", "each", "both", "only", "own", "same", "just");
    private static final Set<String> NEGATION = Set.of("not", "no", "never", "none", "neither", "nor", "without",
            "denied", "denies", "deny", "false", "cancelled", "canceled", "halted", "stopped", "failed", "ended",
            "absent", "unlikely");
    static final List<String> ESTIMATIVE = List.of("almost certainly", "very likely", "highly likely", "likely",
            "probably", "probable", "possibly", "possible", "may", "might", "could", "suggests", "suggesting",
            "we assess", "assessed", "we judge", "we believe", "appears", "unlikely", "remote chance");
    static final List<String> LOADED = List.of("regime", "thugs", "terrorist", "puppet", "brutal", "barbaric",
            "heroic", "so-called", "notorious", "infamous", "aggressor", "clearly", "obviously", "undeniably",
            "outrageous", "shameful", "evil", "cowardly", "propaganda", "lackeys", "savage");
    static final List<String> SOURCING = List.of("according to", "reported", "reports", "reporting", "said",
            "stated", "announced", "sources", "source", "imagery", "intercept", "observed", "confirmed", "cited");

    private Text() {
    }

    /**
     * @param text prose (portion marks at the start of a paragraph are dropped)
     * @return its sentences, stripped, non-blank
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : SENTENCE.split(text)) {
            String t = PORTION.matcher(s.strip()).replaceFirst("").replaceAll("\\s+", " ").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** @return lower-case content words (three letters or more, no stop words), in order, unique */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = stem(m.group());
            if ((w.length() >= 3 || Character.isDigit(w.charAt(0))) && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** @return how much of {@code a}'s content is in {@code b}, 0..1 */
    static double coverage(String a, String b) {
        Set<String> wa = words(a);
        if (wa.isEmpty()) {
            return 0;
        }
        Set<String> wb = words(b);
        long shared = wa.stream().filter(wb::contains).count();
        return (double) shared / wa.size();
    }

    /** @return Jaccard similarity of the content words, 0..1 */
    static double similarity(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        long shared = wa.stream().filter(wb::contains).count();
        return (double) shared / (wa.size() + wb.size() - shared);
    }

    /** @return the numbers in the text, normalised */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().replace(",", ""));
        }
        return out;
    }

    /** @return capitalised names, not counting a sentence's first word alone */
    static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : sentences(text)) {
            Matcher m = NAME.matcher(s);
            while (m.find()) {
                if (m.start() == 0 && !m.group().contains(" ")) {
                    continue;
                }
                out.add(m.group());
            }
        }
        return out;
    }

    /** @return whether the text negates (not, no, never, denied...) */
    static boolean negated(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (NEGATION.contains(w) || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text prose
     * @param lexicon phrases
     * @return the phrases of the lexicon the text contains as whole words
     */
    static List<String> found(String text, List<String> lexicon) {
        String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]+", " ") + " ";
        List<String> out = new ArrayList<>();
        for (String p : lexicon) {
            if (t.contains(" " + p + " ")) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * @param passage a passage
     * @param query   what to match
     * @return the passage's sentence that best covers the query
     */
    static String bestSentence(String passage, String query) {
        String best = passage.strip();
        double score = -1;
        for (String s : sentences(passage)) {
            double c = coverage(query, s) + 0.01 * Math.min(1, s.length() / 80.0);
            if (c > score) {
                score = c;
                best = s;
            }
        }
        return best;
    }

    /**
     * Whether a claim and a passage sentence about the same thing disagree: one negates and the other does not, or
     * the claim's numbers are not the sentence's when both give numbers.
     *
     * @return the reason, or empty when they agree
     */
    static String disagreement(String claim, String sentence) {
        if (negated(claim) != negated(sentence)) {
            return "negation differs";
        }
        Set<String> nc = numbers(claim);
        Set<String> ns = numbers(sentence);
        if (!nc.isEmpty() && !ns.isEmpty() && nc.stream().noneMatch(ns::contains)) {
            return "numbers differ";
        }
        Set<String> words = words(sentence);
        for (String n : NUMBER_WORDS) {
            if (words(claim).contains(n) && !words.contains(n)) {
                for (String other : NUMBER_WORDS) {
                    if (!other.equals(n) && words.contains(other)) {
                        return "numbers differ";
                    }
                }
            }
        }
        return "";
    }

    private static final List<String> NUMBER_WORDS = List.of("three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand");

    /** @return the text cut to at most {@code max} characters at a word boundary */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
