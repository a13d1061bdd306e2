package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Shape checks and canonical ordering of country codes and identifiers shared by the marking types. */
public final class Codes {

    /** Trigraphs first, then tetragraphs (and longer codes), each group ascending (SPEC §2.3). */
    public static final Comparator<String> COUNTRY_ORDER =
            Comparator.comparingInt((String c) -> c.length() <= 3 ? 0 : 1).thenComparing(Comparator.naturalOrder());

    private Codes() {
    }

    /**
     * @param s a candidate code
     * @return true for 3 to 4 upper-case letters (the shape of trigraphs and tetragraphs)
     */
    public static boolean isCountryShape(String s) {
        if (s == null || s.length() < 3 || s.length() > 4) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param s a candidate SCI/SAP identifier
     * @return true for 1 or more upper-case letters or digits
     */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    static void requireIdentifier(String s, String what) {
        if (!isIdentifier(s)) {
            throw new IllegalArgumentException("invalid " + what + " identifier '" + s + "'");
        }
    }

    /**
     * Sorts country codes canonically and rejects duplicates and malformed codes.
     *
     * @param codes the codes
     * @param what  what the list is, for messages
     * @return the sorted, unmodifiable list
     */
    public static List<String> sortCountries(Collection<String> codes, String what) {
        TreeSet<String> set = new TreeSet<>(COUNTRY_ORDER);
        for (String c : codes) {
            if (!isCountryShape(c)) {
                throw new IllegalArgumentException("invalid country or tetragraph code '" + c + "' in " + what);
            }
            if (!set.add(c)) {
                throw new IllegalArgumentException("duplicate code " + c + " in " + what);
            }
        }
        return List.copyOf(set);
    }

    /**
     * Canonical REL TO order: USA first, then trigraphs, then tetragraphs.
     *
     * @param codes the codes, USA included
     * @return the sorted list
     */
    public static List<String> sortReleasable(Collection<String> codes) {
        List<String> sorted = new ArrayList<>(sortCountries(codes, "REL TO"));
        if (sorted.remove("USA")) {
            sorted.add(0, "USA");
        }
        return List.copyOf(sorted);
    }
}
