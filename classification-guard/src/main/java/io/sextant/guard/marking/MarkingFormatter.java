package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Canonical text of a {@link Marking} (SPEC §2.4): authorized abbreviations in both forms, categories in Register
 * order, values sorted. {@code parse(format(m))} gives back {@code m}, and formatting a parsed canonical string gives
 * back that string.
 */
public final class MarkingFormatter {

    private MarkingFormatter() {
    }

    /**
     * @param m a marking
     * @return its portion mark, e.g. {@code (TS//SI-G ABCD EFGH-XYZ//OC/NF)}
     */
    public static String portion(Marking m) {
        return "(" + format(m, true) + ")";
    }

    /**
     * @param m a marking
     * @return its banner line, e.g. {@code TOP SECRET//SI-G ABCD EFGH-XYZ//ORCON/NOFORN}
     */
    public static String banner(Marking m) {
        return format(m, false);
    }

    private static String format(Marking m, boolean portion) {
        if (m.isCui()) {
            return cui(m, portion);
        }
        List<String> cats = new ArrayList<>();
        String head = switch (m.type()) {
            case US -> portion ? m.level().portion() : m.level().banner();
            case FGI -> "//" + String.join(" ", m.owners()) + " " + foreignLevel(m, portion);
            case NATO -> "//" + natoLevel(m, portion);
            case JOINT -> "//JOINT " + foreignLevel(m, portion) + " " + String.join(" ", m.owners());
        };
        if (!m.natoControls().isEmpty()) {
            StringJoiner j = new StringJoiner("/");
            m.natoControls().forEach(c -> j.add(c.name()));
            cats.add(j.toString());
        }
        if (!m.sci().isEmpty()) {
            StringJoiner j = new StringJoiner("/");
            m.sci().forEach(c -> j.add(c.text()));
            cats.add(j.toString());
        }
        if (!m.sap().isEmpty()) {
            cats.add("SAR-" + String.join("/", m.sap()));
        }
        if (!m.aea().isEmpty()) {
            StringJoiner j = new StringJoiner("/");
            m.aea().forEach(a -> j.add(a.text(portion)));
            cats.add(j.toString());
        }
        if (m.fgi().present()) {
            cats.add(m.fgi().text());
        }
        if (!m.dissem().isEmpty()) {
            cats.add(dissem(m, portion));
        }
        if (!m.nonIc().isEmpty()) {
            StringJoiner j = new StringJoiner("/");
            m.nonIc().forEach(c -> j.add(portion ? c.portion() : c.banner()));
            cats.add(j.toString());
        }
        StringBuilder sb = new StringBuilder(head);
        for (String c : cats) {
            sb.append("//").append(c);
        }
        return sb.toString();
    }

    private static String dissem(Marking m, boolean portion) {
        StringJoiner j = new StringJoiner("/");
        for (DissemControl d : m.dissem()) {
            j.add(switch (d) {
                case REL_TO -> "REL TO " + String.join(", ", m.releasableTo());
                case DISPLAY_ONLY -> "DISPLAY ONLY " + String.join(", ", m.displayOnlyTo());
                default -> portion ? d.portion() : d.banner();
            });
        }
        return j.toString();
    }

    private static String cui(Marking m, boolean portion) {
        StringBuilder sb = new StringBuilder("CUI");
        if (!m.cui().categories().isEmpty()) {
            sb.append("//").append(String.join("/", m.cui().categories()));
        }
        StringJoiner j = new StringJoiner("/");
        if (m.hasNoforn()) {
            j.add(portion ? "NF" : "NOFORN");
        }
        for (CuiLdc l : CuiLdc.values()) {
            if (l == CuiLdc.ATTORNEY_CLIENT) {
                if (m.has(DissemControl.REL_TO)) {
                    j.add("REL TO " + String.join(", ", m.releasableTo()));
                }
                if (m.has(DissemControl.DISPLAY_ONLY)) {
                    j.add("DISPLAY ONLY " + String.join(", ", m.displayOnlyTo()));
                }
            }
            if (m.cui().ldcs().contains(l)) {
                j.add(portion ? l.portion() : l.banner());
            }
        }
        if (j.length() > 0) {
            sb.append("//").append(j);
        }
        return sb.toString();
    }

    /**
     * @param m       a foreign or JOINT marking
     * @param portion true for the portion form
     * @return the level word(s): TS/S/C/R/U or TOP SECRET/.../RESTRICTED
     */
    static String foreignLevel(Marking m, boolean portion) {
        if (m.restricted()) {
            return portion ? "R" : "RESTRICTED";
        }
        return portion ? m.level().portion() : m.level().banner();
    }

    private static String natoLevel(Marking m, boolean portion) {
        if (m.restricted()) {
            return portion ? "NR" : "NATO RESTRICTED";
        }
        return switch (m.level()) {
            case TS -> portion ? "CTS" : "COSMIC TOP SECRET";
            case S -> portion ? "NS" : "NATO SECRET";
            case C -> portion ? "NC" : "NATO CONFIDENTIAL";
            case U -> portion ? "NU" : "NATO UNCLASSIFIED";
        };
    }
}
