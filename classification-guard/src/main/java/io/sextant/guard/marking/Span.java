package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;

/** A piece of (upper-cased) input text that remembers where each character came from, for error positions. */
final class Span {

    private final String text;
    private final int[] origin;
    private final int anchor;

    private Span(String text, int[] origin, int anchor) {
        this.text = text;
        this.origin = origin;
        this.anchor = anchor;
    }

    static Span of(String s, int from, int to) {
        int[] o = new int[to - from];
        for (int i = 0; i < o.length; i++) {
            o[i] = from + i;
        }
        return new Span(s.substring(from, to), o, from);
    }

    String text() {
        return text;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    int length() {
        return text.length();
    }

    /** @return the input index of character {@code i}; one past the last character for {@code i == length()} */
    int pos(int i) {
        if (origin.length == 0) {
            return anchor;
        }
        return i < origin.length ? origin[i] : origin[origin.length - 1] + 1;
    }

    int start() {
        return pos(0);
    }

    Span sub(int from, int to) {
        int[] o = new int[to - from];
        System.arraycopy(origin, from, o, 0, o.length);
        return new Span(text.substring(from, to), o, pos(from));
    }

    Span sub(int from) {
        return sub(from, text.length());
    }

    Span trim() {
        int a = 0;
        int b = text.length();
        while (a < b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return a == 0 && b == text.length() ? this : sub(a, b);
    }

    /** Collapses each run of whitespace to one space. */
    Span collapse() {
        StringBuilder sb = new StringBuilder();
        int[] o = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (n > 0 && sb.charAt(n - 1) == ' ') {
                    continue;
                }
                c = ' ';
            }
            sb.append(c);
            o[n++] = origin[i];
        }
        int[] trimmed = new int[n];
        System.arraycopy(o, 0, trimmed, 0, n);
        return new Span(sb.toString(), trimmed, anchor);
    }

    /** Splits on a literal delimiter; pieces are trimmed. */
    List<Span> split(String delim) {
        List<Span> out = new ArrayList<>();
        int from = 0;
        int i;
        while ((i = text.indexOf(delim, from)) >= 0) {
            out.add(sub(from, i).trim());
            from = i + delim.length();
        }
        out.add(sub(from).trim());
        return out;
    }

    boolean startsWith(String prefix) {
        return text.startsWith(prefix);
    }

    @Override
    public String toString() {
        return text;
    }
}
