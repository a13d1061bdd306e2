package io.sextant.guard.output;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Declassify On:} value (SPEC §6.1) placed in the hierarchy that picks the longest-protecting value when
 * several sources contribute. {@link Kind} is declared from least to most protective; within a kind a later date
 * protects longer. Retired values (OADR, MR, X1–X8, DCI/DNI ONLY) convert to 25 years from the source date and
 * 25X1-human to 50X1-HUM; {@link #convertedFrom()} keeps the original for the source list.
 *
 * @param kind          the place in the hierarchy
 * @param exemption     the exemption code ({@code 25X1}, {@code 50X1-HUM}...), empty when none
 * @param date          the declassification date, or null when the value is an event or has no date
 * @param event         the declassification event, empty when none
 * @param convertedFrom the retired value this was converted from, empty when none
 */
public record DeclassifyOn(Kind kind, String exemption, LocalDate date, String event, String convertedFrom) {

    /** The text for documents holding RD, FRD, TFNI or NATO portions (CAPCO16 p32–33). */
    public static final String NOT_APPLICABLE_TEXT =
            "N/A to RD/FRD/TFNI/NATO portions. See source list for NSI portions.";
    /** Orders values from least to most protective. */
    public static final Comparator<DeclassifyOn> PROTECTION = Comparator.comparing(DeclassifyOn::kind)
            .thenComparing(DeclassifyOn::date, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern EXEMPTION = Pattern.compile("(25|50|75)X([1-9])(?:\\s*,\\s*(.+))?");
    private static final Pattern RETIRED = Pattern.compile("OADR|MR|X[1-8](?:\\s*,?\\s*X[1-8])*|DCI ONLY|DNI ONLY"
            + "|ORIGINATING AGENCY'?S DETERMINATION REQUIRED|MANUAL REVIEW|SOURCE MARKED (?:OADR|MR|X[1-8])");

    /** Places in the §6.1 hierarchy, least protective first. */
    public enum Kind {
        /** No instruction carried: 25 years from the source date. */
        COMPUTED,
        /** An event expected within 10 years. */
        EVENT,
        /** An explicit date at most 25 years out. */
        DATE,
        /** 25X# without a date: 50 years from the source date. */
        EXEMPT_25X_COMPUTED,
        /** 25X# with a date or event. */
        EXEMPT_25X,
        /** 25X1, EO 12951. */
        EXEMPT_25X1_EO12951,
        /** 50X# with a date or event. */
        EXEMPT_50X,
        /** 75X# with a date or event (placed between 50X# and 50X1-HUM: a design default). */
        EXEMPT_75X,
        /** 50X1-HUM or 50X2-WMD. */
        HUM_WMD,
        /** N/A to RD/FRD/TFNI/NATO portions. */
        NOT_APPLICABLE
    }

    /** Validates the combination. */
    public DeclassifyOn {
        Objects.requireNonNull(kind, "kind");
        exemption = Objects.requireNonNullElse(exemption, "");
        event = Objects.requireNonNullElse(event, "").strip();
        convertedFrom = Objects.requireNonNullElse(convertedFrom, "");
        boolean needsDate = kind == Kind.COMPUTED || kind == Kind.DATE || kind == Kind.EXEMPT_25X_COMPUTED;
        if (needsDate && date == null) {
            throw new IllegalArgumentException(kind + " needs a date");
        }
        if (kind == Kind.EVENT && event.isEmpty()) {
            throw new IllegalArgumentException("an event value needs the event");
        }
        boolean exempt = kind.name().startsWith("EXEMPT") || kind == Kind.HUM_WMD;
        if (exempt == exemption.isEmpty()) {
            throw new IllegalArgumentException(kind + (exempt ? " needs" : " takes no") + " exemption code");
        }
        if ((kind == Kind.EXEMPT_25X || kind == Kind.EXEMPT_50X || kind == Kind.EXEMPT_75X)
                && date == null && event.isEmpty()) {
            throw new IllegalArgumentException(exemption + " needs a date or an event");
        }
    }

    /** @param date the date @return an explicit date value */
    public static DeclassifyOn date(LocalDate date) {
        return new DeclassifyOn(Kind.DATE, "", date, "", "");
    }

    /** @param event the event @return an event value */
    public static DeclassifyOn event(String event) {
        return new DeclassifyOn(Kind.EVENT, "", null, event, "");
    }

    /** @param sourceDate the source's date @return 25 years from it, for a source with no instruction */
    public static DeclassifyOn computed(LocalDate sourceDate) {
        return new DeclassifyOn(Kind.COMPUTED, "", sourceDate.plusYears(25), "", "");
    }

    /** @return the N/A value for RD/FRD/TFNI/NATO */
    public static DeclassifyOn notApplicable() {
        return new DeclassifyOn(Kind.NOT_APPLICABLE, "", null, "", "");
    }

    /**
     * Reads a {@code Declassify On:} value as written on a source.
     *
     * @param text       the value, e.g. {@code 20391231}, {@code 25X1, 20641231}, {@code 50X1-HUM}, {@code OADR}
     * @param sourceDate the source's date, needed for 25X# without a date and for retired values; may be null
     *                   otherwise
     * @return the value
     * @throws IllegalArgumentException when the text is empty, or a computed value has no source date
     */
    public static DeclassifyOn parse(String text, LocalDate sourceDate) {
        String orig = Objects.requireNonNull(text, "text").strip().replaceAll("\\s+", " ");
        if (orig.toUpperCase(Locale.ROOT).startsWith("DECLASSIFY ON:")) {
            orig = orig.substring("DECLASSIFY ON:".length()).strip();
        }
        String t = orig.toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty Declassify On value");
        }
        if (t.startsWith("N/A") || t.equals("NOT APPLICABLE")) {
            return notApplicable();
        }
        if (t.equals("50X1-HUM") || t.equals("50X2-WMD")) {
            return new DeclassifyOn(Kind.HUM_WMD, t, null, "", "");
        }
        if (t.equals("25X1-HUMAN") || t.equals("25X1-HUM")) {
            return new DeclassifyOn(Kind.HUM_WMD, "50X1-HUM", null, "", t);
        }
        if (t.matches("25X1\\s*,\\s*E\\.?O\\.? 12951")) {
            return new DeclassifyOn(Kind.EXEMPT_25X1_EO12951, "25X1", null, "EO 12951", "");
        }
        if (RETIRED.matcher(t).matches()) {
            return new DeclassifyOn(Kind.COMPUTED, "", requireDate(sourceDate, t).plusYears(25), "", t);
        }
        Matcher m = EXEMPTION.matcher(t);
        if (m.matches()) {
            String code = m.group(1) + "X" + m.group(2);
            String rest = m.group(3);
            if (rest == null) {
                if (!m.group(1).equals("25")) {
                    throw new IllegalArgumentException(code + " needs a date or an event");
                }
                return new DeclassifyOn(Kind.EXEMPT_25X_COMPUTED, code, requireDate(sourceDate, t).plusYears(50),
                        "", "");
            }
            Kind k = switch (m.group(1)) {
                case "25" -> Kind.EXEMPT_25X;
                case "50" -> Kind.EXEMPT_50X;
                default -> Kind.EXEMPT_75X;
            };
            LocalDate d = dateOrNull(rest.strip());
            return new DeclassifyOn(k, code, d, d == null ? orig.substring(orig.indexOf(',') + 1) : "", "");
        }
        LocalDate d = dateOrNull(t);
        return d != null ? date(d) : event(orig);
    }

    /**
     * @param values the contributing sources' values (at least one)
     * @return the most protective one (the first of equals)
     */
    public static DeclassifyOn mostProtective(Collection<DeclassifyOn> values) {
        DeclassifyOn best = null;
        for (DeclassifyOn v : values) {
            if (best == null || PROTECTION.compare(v, best) > 0) {
                best = v;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no Declassify On values");
        }
        return best;
    }

    /**
     * @param other another value
     * @return true when this value protects strictly longer
     */
    public boolean moreProtectiveThan(DeclassifyOn other) {
        return PROTECTION.compare(this, other) > 0;
    }

    /** @return the text for the {@code Declassify On:} line */
    public String text() {
        String when = date != null ? YYYYMMDD.format(date) : event;
        return switch (kind) {
            case COMPUTED, DATE -> YYYYMMDD.format(date);
            case EVENT -> event;
            case EXEMPT_25X_COMPUTED, EXEMPT_25X, EXEMPT_50X, EXEMPT_75X -> exemption + ", " + when;
            case EXEMPT_25X1_EO12951 -> "25X1, EO 12951";
            case HUM_WMD -> exemption;
            case NOT_APPLICABLE -> NOT_APPLICABLE_TEXT;
        };
    }

    @Override
    public String toString() {
        return text();
    }

    private static LocalDate requireDate(LocalDate sourceDate, String value) {
        if (sourceDate == null) {
            throw new IllegalArgumentException("'" + value + "' needs the source date to compute a date");
        }
        return sourceDate;
    }

    private static LocalDate dateOrNull(String s) {
        if (!s.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(s, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid YYYYMMDD date: " + s, e);
        }
    }
}
