package io.sextant.guard.detect;

/**
 * The cheap character-level tests the detector runs before it calls the parser: they decide, without allocating,
 * whether a position can start a banner line, a portion mark or an embedded marking.
 */
final class PreChecks {

    /** Words that open an embedded banner-like marking. */
    static final String[] LEVEL_WORDS = {"TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED"};
    /** Words that open a banner line. */
    static final String[] BANNER_STARTS = {"TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "CUI",
        "CONTROLLED"};
    /** Non-US classification heads after {@code //} (besides any trigraph). */
    static final String[] FOREIGN_WORDS = {"FGI", "NATO", "COSMIC", "JOINT", "CTS", "NS", "NC", "NR", "NU"};
    /** Level tokens that may follow {@code (} in a portion mark. */
    static final String[] PORTION_WORDS = {"TS", "S", "C", "U", "CUI", "TOP", "SECRET", "CONFIDENTIAL",
        "UNCLASSIFIED"};

    /** ASCII-only upper-casing: keeps every offset, unlike {@link String#toUpperCase}. */
    static String asciiUpper(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] = (char) (c[i] - 32);
            }
        }
        return new String(c);
    }

    /** After {@code //}: a trigraph or a non-US classification word, then a space, a slash or the end. */
    static boolean foreignHead(String s, int j, int to) {
        int w = j;
        while (w < to && w - j < 9 && isUpper(s.charAt(w))) {
            w++;
        }
        if (w == j || w < to && s.charAt(w) != ' ' && s.charAt(w) != '/' && s.charAt(w) != ')') {
            return false;
        }
        if (w - j == 3) {
            return true;
        }
        String word = s.substring(j, w);
        for (String f : FOREIGN_WORDS) {
            if (f.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** Offset after the {@code )} of a portion-mark candidate at {@code p}, or -1 when the pre-check fails. */
    static int portionEnd(String s, int p, int to) {
        int j = p + 1;
        while (j < to && s.charAt(j) == ' ') {
            j++;
        }
        if (s.startsWith("//", j)) {
            if (!foreignHead(s, j + 2, to)) {
                return -1;
            }
        } else {
            int w = j;
            while (w < to && isUpper(s.charAt(w))) {
                w++;
            }
            if (w == j || w - j > 12 || !isPortionWord(s, j, w)) {
                return -1;
            }
            int k = w;
            while (k < to && s.charAt(k) == ' ') {
                k++;
            }
            boolean next = k < to && (s.charAt(k) == ')' || s.charAt(k) == '/'
                    || (s.startsWith("TOP", j) && w - j == 3 && s.startsWith("SECRET", k)));
            if (!next) {
                return -1;
            }
        }
        int limit = Math.min(to, p + MarkingDetector.MAX_MARKING);
        for (int k = j; k < limit; k++) {
            char c = s.charAt(k);
            if (c == ')') {
                return k + 1;
            }
            if (c == '(') {
                return -1;
            }
        }
        return -1;
    }

    static boolean isPortionWord(String s, int from, int to) {
        int len = to - from;
        for (String w : PORTION_WORDS) {
            if (w.length() == len && s.startsWith(w, from)) {
                return true;
            }
        }
        return false;
    }

    /** A whole line of banner characters that starts with a level word (or {@code //}) and is marking-shaped. */
    static boolean bannerCandidate(String s, int a, int b) {
        if (b - a > MarkingDetector.MAX_MARKING) {
            return false;
        }
        char c = s.charAt(a);
        if (c != 'T' && c != 'S' && c != 'C' && c != 'U' && c != '/') {
            return false;
        }
        for (int i = a; i < b; i++) {
            if (!isBannerChar(s.charAt(i))) {
                return false;
            }
        }
        if (c == '/') {
            return s.startsWith("//", a) && foreignHead(s, a + 2, b);
        }
        String w = startsWithWord(s, a, b, BANNER_STARTS);
        if (w == null) {
            return false;
        }
        return a + w.length() == b || s.startsWith("//", a + w.length());
    }

    static String startsWithWord(String s, int i, int to, String[] words) {
        for (String w : words) {
            int e = i + w.length();
            if (e <= to && s.startsWith(w, i) && (e == to || !isUpper(s.charAt(e)) && !isDigit(s.charAt(e)))) {
                return w;
            }
        }
        return null;
    }

    static int skipBullet(String s, int a, int b) {
        char c = s.charAt(a);
        if ((c == '-' || c == '*' || c == '\u2022' || c == '>') && a + 1 < b && s.charAt(a + 1) == ' ') {
            int p = a + 1;
            while (p < b && s.charAt(p) == ' ') {
                p++;
            }
            return p < b ? p : a;
        }
        return a;
    }

    static boolean wordBoundaryBefore(String s, int i) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return !Character.isLetterOrDigit(p) && p != '/' && p != '-';
    }

    static boolean isBannerChar(char c) {
        return isUpper(c) || isDigit(c) || c == ' ' || c == '/' || c == ',' || c == '-';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0';
    }

    private PreChecks() {
    }
}
