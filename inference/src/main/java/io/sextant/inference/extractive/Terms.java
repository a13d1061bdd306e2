package io.sextant.inference.extractive;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Bag-of-words vectors (lower-cased words minus stop words, light suffix folding) and their cosine similarity. */
final class Terms {

    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "has", "have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the",
            "their", "there", "they", "this", "to", "was", "were", "what", "when", "where", "which", "who", "will",
            "with", "did", "do", "does", "how", "why", "about", "into", "than", "then", "these", "those", "been");

    private Terms() {
    }

    /**
     * Term frequencies of a text.
     *
     * @param text any text
     * @return term to count
     */
    static Map<String, Double> of(String text) {
        Map<String, Double> tf = new HashMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1 && !STOP.contains(w)) {
                tf.merge(fold(w), 1.0, Double::sum);
            }
        }
        return tf;
    }

    /**
     * Weights term frequencies by inverse document frequency.
     *
     * @param tf term frequencies
     * @param idf inverse document frequencies (terms absent get the highest weight)
     * @param maxIdf the weight for unseen terms
     * @return the weighted vector
     */
    static Map<String, Double> weigh(Map<String, Double> tf, Map<String, Double> idf, double maxIdf) {
        Map<String, Double> v = new HashMap<>();
        tf.forEach((t, f) -> v.put(t, (1 + Math.log(f)) * idf.getOrDefault(t, maxIdf)));
        return v;
    }

    /**
     * Cosine similarity.
     *
     * @param a a vector
     * @param b another
     * @return the cosine in [0, 1]
     */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() < b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            dot += e.getValue() * large.getOrDefault(e.getKey(), 0.0);
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Folds common English suffixes so "reports", "reported" and "report" match. */
    private static String fold(String w) {
        for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
