package io.sextant.guard.access;

import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a user may see (SPEC §5.1): clearance level, SCI/SAP/AEA accesses in ISM token form, citizenship, tetragraph
 * memberships (derived from citizenship through the vocabulary, plus explicitly granted organisations), the action,
 * and the optional NATO briefing and originator approval.
 *
 * @param level         the clearance level
 * @param sci           SCI accesses in ISM hyphen form ({@code SI}, {@code SI-G}, {@code SI-G-ABCD}); each token is
 *                      its own access: {@code SI} does not grant {@code SI-G}
 * @param sap           SAP program accesses ({@code BP}, {@code BP-J12})
 * @param aea           AEA accesses in ISM form ({@code RD}, {@code RD-CNWDI}, {@code RD-SG-14}, {@code FRD}, {@code TFNI})
 * @param country       the citizenship trigraph used for foreign disclosure; a dual national's non-US citizenship
 *                      (SPEC §5.2.7)
 * @param memberships   tetragraphs the user belongs to (FVEY, NATO...)
 * @param action        view or release
 * @param natoBriefed   whether the user is briefed for NATO information
 * @param orconApproved whether originator approval for release is recorded
 */
public record Clearance(Classification level, Set<String> sci, Set<String> sap, Set<String> aea, String country,
        Set<String> memberships, Action action, boolean natoBriefed, boolean orconApproved) {

    /** Validates and copies. */
    public Clearance {
        Objects.requireNonNull(level, "level");
        sci = copy(sci);
        sap = copy(sap);
        aea = copy(aea);
        Objects.requireNonNull(country, "country");
        if (!country.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("country must be a trigraph: '" + country + "'");
        }
        memberships = copy(memberships);
        Objects.requireNonNull(action, "action");
    }

    /** @return true when the user is a US citizen only */
    public boolean isUsPerson() {
        return country.equals("USA");
    }

    /**
     * Parses {@code level=S;sci=SI,TK;country=USA[;sap=..;aea=..;orgs=..;action=view|release;nato=true;orcon=true]}.
     * Memberships are those of the country in the vocabulary plus {@code orgs}. {@code country=USA,GBR} (a dual
     * national) uses the non-US citizenship (SPEC §5.2.7); more than one non-US citizenship is rejected.
     *
     * @param spec  the clearance string
     * @param vocab where country memberships come from
     * @return the clearance
     * @throws IllegalArgumentException with a clear reason when the string is malformed
     */
    public static Clearance parse(String spec, Vocabulary vocab) {
        Objects.requireNonNull(spec, "spec");
        Classification level = null;
        Set<String> sci = Set.of();
        Set<String> sap = Set.of();
        Set<String> aea = Set.of();
        Set<String> orgs = Set.of();
        String country = null;
        Action action = Action.VIEW;
        boolean nato = false;
        boolean orcon = false;
        Set<String> seen = new TreeSet<>();
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("clearance attribute without '=': '" + part.trim() + "'");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw new IllegalArgumentException("clearance attribute given twice: " + key);
            }
            switch (key) {
                case "level" -> level = level(value);
                case "sci" -> sci = tokens(value);
                case "sap" -> sap = tokens(value);
                case "aea" -> aea = tokens(value);
                case "orgs" -> orgs = tokens(value);
                case "country" -> country = country(value, vocab);
                case "action" -> action = switch (value) {
                    case "VIEW" -> Action.VIEW;
                    case "RELEASE" -> Action.RELEASE;
                    default -> throw new IllegalArgumentException("action must be view or release: " + value);
                };
                case "nato" -> nato = bool(key, value);
                case "orcon" -> orcon = bool(key, value);
                default -> throw new IllegalArgumentException("unknown clearance attribute: " + key);
            }
        }
        if (level == null) {
            throw new IllegalArgumentException("clearance needs level=U|C|S|TS");
        }
        if (country == null) {
            throw new IllegalArgumentException("clearance needs country=<trigraph>");
        }
        Set<String> members = new TreeSet<>(vocab.membershipsOf(country));
        for (String o : orgs) {
            if (!vocab.isTetragraph(o)) {
                throw new IllegalArgumentException("unknown organisation (tetragraph): " + o);
            }
            members.add(o);
        }
        return new Clearance(level, sci, sap, aea, country, members, action, nato, orcon);
    }

    private static Classification level(String v) {
        return switch (v) {
            case "U", "UNCLASSIFIED" -> Classification.U;
            case "C", "CONFIDENTIAL" -> Classification.C;
            case "S", "SECRET" -> Classification.S;
            case "TS", "TOP SECRET" -> Classification.TS;
            default -> throw new IllegalArgumentException("level must be U, C, S or TS: " + v);
        };
    }

    private static String country(String v, Vocabulary vocab) {
        List<String> foreign = new ArrayList<>();
        for (String c : tokens(v)) {
            if (!vocab.isCountry(c)) {
                throw new IllegalArgumentException("unknown country code: " + c);
            }
            if (!c.equals("USA")) {
                foreign.add(c);
            }
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("country is empty");
        }
        if (foreign.size() > 1) {
            throw new IllegalArgumentException("more than one non-US citizenship (" + String.join(", ", foreign)
                    + "): evaluate one clearance per citizenship");
        }
        return foreign.isEmpty() ? "USA" : foreign.get(0);
    }

    private static boolean bool(String key, String v) {
        return switch (v) {
            case "TRUE", "YES", "1" -> true;
            case "FALSE", "NO", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: " + v);
        };
    }

    private static Set<String> tokens(String v) {
        Set<String> out = new TreeSet<>();
        for (String t : v.split("[,\\s]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static Set<String> copy(Set<String> s) {
        return Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(s, "set")));
    }
}
