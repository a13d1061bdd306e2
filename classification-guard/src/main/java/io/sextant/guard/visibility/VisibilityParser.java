package io.sextant.guard.visibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent reader of Accumulo column-visibility syntax: tokens of {@code [A-Za-z0-9_-.:/]} or double-quoted
 * with {@code \"} and {@code \\} escapes, {@code &}, {@code |}, parentheses; mixing {@code &} and {@code |} at one
 * level without parentheses is an error, as is any whitespace.
 */
final class VisibilityParser {

    private final String s;
    private int i;

    VisibilityParser(String s) {
        this.s = s;
    }

    VisibilityExpression parse() {
        if (s.isEmpty()) {
            return VisibilityExpression.TRUE;
        }
        VisibilityExpression e = expression();
        if (i < s.length()) {
            throw new InvalidVisibilityException(s.charAt(i) == ')' ? "unbalanced ')'" : "unexpected '"
                    + s.charAt(i) + "'", i);
        }
        return e;
    }

    private VisibilityExpression expression() {
        List<VisibilityExpression> parts = new ArrayList<>();
        parts.add(atom());
        char op = 0;
        while (i < s.length() && (s.charAt(i) == '&' || s.charAt(i) == '|')) {
            char c = s.charAt(i);
            if (op != 0 && c != op) {
                throw new InvalidVisibilityException("cannot mix '&' and '|' without parentheses", i);
            }
            op = c;
            i++;
            parts.add(atom());
        }
        if (op == 0) {
            return parts.get(0);
        }
        return op == '&' ? VisibilityExpression.and(parts) : VisibilityExpression.or(parts);
    }

    private VisibilityExpression atom() {
        if (i >= s.length()) {
            throw new InvalidVisibilityException("expected a token or '('", i);
        }
        char c = s.charAt(i);
        if (c == '(') {
            int open = i++;
            if (i < s.length() && s.charAt(i) == ')') {
                throw new InvalidVisibilityException("empty parentheses", open);
            }
            VisibilityExpression e = expression();
            if (i >= s.length() || s.charAt(i) != ')') {
                throw new InvalidVisibilityException("missing ')' for '(' at " + open, i);
            }
            i++;
            return e;
        }
        if (c == '"') {
            return VisibilityExpression.term(quoted());
        }
        int start = i;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (start == i) {
            throw new InvalidVisibilityException("expected a token or '(' but found '" + c + "'", i);
        }
        return VisibilityExpression.term(s.substring(start, i));
    }

    private String quoted() {
        int open = i++;
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                if (sb.isEmpty()) {
                    throw new InvalidVisibilityException("empty quoted token", open);
                }
                return sb.toString();
            }
            if (c == '\\') {
                if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\\')) {
                    throw new InvalidVisibilityException("only \\\" and \\\\ may be escaped", i - 1);
                }
                c = s.charAt(i++);
            }
            if (Character.isISOControl(c)) {
                throw new InvalidVisibilityException("control character in quoted token", i - 1);
            }
            sb.append(c);
        }
        throw new InvalidVisibilityException("unterminated quoted token", open);
    }

    static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == '.' || c == ':' || c == '/';
    }

    static String quote(String token) {
        for (int k = 0; k < token.length(); k++) {
            if (!isTokenChar(token.charAt(k))) {
                return '"' + token.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return token;
    }
}
