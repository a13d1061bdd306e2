package io.sextant.appliance.security;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The canonical string form of an account's clearance in the classification guard's grammar
 * ({@link Clearance#parse}), e.g. {@code level=TS;sci=SI,TK;sap=BP;country=USA;orgs=FVEY}: the level (U, C, S or TS)
 * and the citizenship are required; SCI, SAP and AEA accesses, explicit organisations, the action and the NATO and
 * ORCON flags are optional. Parsing normalises case, order and duplicates, so equal clearances have equal strings;
 * malformed input is rejected with the position and the reason, and the result is checked by the guard against its
 * vocabulary (known countries and tetragraphs). Access decisions themselves belong to the guard.
 */
public final class ClearanceText {

    /** Keys in canonical order. */
    public static final List<String> KEYS =
            List.of("level", "sci", "sap", "aea", "country", "orgs", "action", "nato", "orcon");
    private static final Set<String> LEVELS = Set.of("U", "C", "S", "TS");
    private static final Set<String> SINGLE = Set.of("level", "action", "nato", "orcon");
    private static final Vocabulary VOCABULARY = Vocabulary.defaults();
    private static final Pattern TOKEN = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

    private ClearanceText() {
    }

    /**
     * @param text a clearance string
     * @return its canonical form
     * @throws IllegalArgumentException with the position (1-based character) and the reason
     */
    public static String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty clearance: at least level=U|C|S|TS is required");
        }
        Map<String, TreeSet<String>> parts = new LinkedHashMap<>();
        int pos = 0;
        for (String clause : text.split(";", -1)) {
            int at = pos + 1;
            pos += clause.length() + 1;
            if (clause.isBlank()) {
                continue;
            }
            int eq = clause.indexOf('=');
            if (eq < 0) {
                throw error(at, "expected key=value, got '" + clause.strip() + "'");
            }
            String key = clause.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw error(at, "unknown key '" + key + "' (expected one of " + String.join(", ", KEYS) + ")");
            }
            if (parts.containsKey(key)) {
                throw error(at, "key '" + key + "' given twice");
            }
            TreeSet<String> values = new TreeSet<>();
            for (String raw : clause.substring(eq + 1).split(",", -1)) {
                String v = raw.strip().toUpperCase(Locale.ROOT);
                if (v.isEmpty()) {
                    throw error(at + eq + 1, "empty value for '" + key + "'");
                }
                check(key, v, at + eq + 1);
                values.add(v);
            }
            parts.put(key, values);
        }
        if (!parts.containsKey("level")) {
            throw error(1, "missing level=U|C|S|TS");
        }
        if (!parts.containsKey("country")) {
            throw error(1, "missing country=<trigraph> (the citizenship)");
        }
        for (String key : SINGLE) {
            if (parts.containsKey(key) && parts.get(key).size() != 1) {
                throw error(1, "exactly one value is allowed for '" + key + "'");
            }
        }
        StringBuilder b = new StringBuilder();
        for (String key : KEYS) {
            if (parts.containsKey(key)) {
                if (!b.isEmpty()) {
                    b.append(';');
                }
                b.append(key).append('=').append(String.join(",", parts.get(key)));
            }
        }
        String canonical = b.toString();
        parse(canonical);
        return canonical;
    }

    /**
     * @param canonical a canonical clearance (as stored with an account)
     * @return the guard's clearance value, with memberships derived from the citizenship
     * @throws IllegalArgumentException when the guard rejects it
     */
    public static Clearance parse(String canonical) {
        try {
            return Clearance.parse(canonical, VOCABULARY);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid clearance: " + e.getMessage(), e);
        }
    }

    private static void check(String key, String v, int at) {
        switch (key) {
            case "level" -> {
                if (!LEVELS.contains(v)) {
                    throw error(at, "unknown level '" + v + "' (expected U, C, S or TS)");
                }
            }
            case "country" -> {
                if (!COUNTRY.matcher(v).matches()) {
                    throw error(at, "country '" + v + "' is not a three-letter trigraph");
                }
            }
            case "action" -> {
                if (!v.equals("VIEW") && !v.equals("RELEASE")) {
                    throw error(at, "action must be view or release, got '" + v + "'");
                }
            }
            case "nato", "orcon" -> {
                if (!v.equals("TRUE") && !v.equals("FALSE")) {
                    throw error(at, key + " must be true or false, got '" + v + "'");
                }
            }
            default -> {
                if (!TOKEN.matcher(v).matches()) {
                    throw error(at, "'" + v + "' is not a valid " + key + " token (letters, digits, - and _)");
                }
            }
        }
    }

    private static IllegalArgumentException error(int position, String reason) {
        return new IllegalArgumentException("invalid clearance at position " + position + ": " + reason);
    }
}
