package io.sextant.appliance.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The canonical string form of an account's clearance, {@code level=TS;sci=SI,TK;sap=BLUEBIRD;country=USA;member=FVEY}:
 * the level (U, C, S or TS) is required; SCI and SAP accesses, the citizenship and the memberships are optional.
 * Parsing normalises case, order and duplicates, so equal clearances have equal strings; malformed input is rejected
 * with the position and the reason. Access decisions themselves belong to the classification guard.
 */
public final class ClearanceText {

    /** Keys in canonical order. */
    public static final List<String> KEYS = List.of("level", "sci", "sap", "country", "member");
    private static final Set<String> LEVELS = Set.of("U", "C", "S", "TS");
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
        if (parts.get("level").size() != 1) {
            throw error(1, "exactly one level is allowed");
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
        return b.toString();
    }

    /**
     * @param canonical a canonical clearance
     * @return its level (U, C, S or TS)
     */
    public static String level(String canonical) {
        for (String clause : canonical.split(";")) {
            if (clause.startsWith("level=")) {
                return clause.substring("level=".length());
            }
        }
        throw new IllegalArgumentException("clearance without a level");
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
