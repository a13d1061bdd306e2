package io.sextant.guard.marking;

import static io.sextant.guard.marking.DissemControl.DISPLAY_ONLY;
import static io.sextant.guard.marking.DissemControl.FOUO;
import static io.sextant.guard.marking.DissemControl.IMCON;
import static io.sextant.guard.marking.DissemControl.NOFORN;
import static io.sextant.guard.marking.DissemControl.ORCON;
import static io.sextant.guard.marking.DissemControl.ORCON_USGOV;
import static io.sextant.guard.marking.DissemControl.REL_TO;
import static io.sextant.guard.marking.DissemControl.RELIDO;
import static io.sextant.guard.marking.DissemControl.RSEN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The constraints of SPEC §3.4, as one list of checks shared by {@link Marking}'s constructor (context-free rules),
 * the parser (which adds portion-only rules and maps each violation to a character position) and the roll-up
 * (which re-validates its inputs as portions).
 */
public final class MarkingRules {

    /**
     * One broken rule.
     *
     * @param key    what the rule is about, e.g. {@code DISSEM:FOUO}, {@code SCI:SI-G}, {@code CLASS} (the parser
     *               turns it into the position of that token)
     * @param reason the reason in plain words
     */
    public record Violation(String key, String reason) {
    }

    private MarkingRules() {
    }

    /**
     * Checks a marking against SPEC §3.4.
     *
     * @param m       the marking
     * @param portion true to add the rules that hold only for portion marks (unclassified-only non-IC controls,
     *                RELIDO/DISPLAY ONLY with FGI, UCNI only with U)
     * @param vocab   the vocabulary for rules that need it (JOINT co-owners covered through tetragraphs), or null
     * @return the violations, empty when the marking is valid
     */
    public static List<Violation> check(Marking m, boolean portion, Vocabulary vocab) {
        List<Violation> out = new ArrayList<>();
        typeRules(m, out);
        fdrRules(m, out);
        handlingRules(m, out);
        sciRules(m, out);
        aeaRules(m, portion, out);
        nonIcRules(m, portion, out);
        cuiRules(m, out);
        if (portion && m.containsFgi()) {
            if (m.has(RELIDO)) {
                out.add(new Violation("DISSEM:RELIDO", "RELIDO may not be used on a portion containing FGI"));
            }
            if (m.has(DISPLAY_ONLY)) {
                out.add(new Violation("DISSEM:DISPLAY_ONLY",
                        "DISPLAY ONLY may not be used on a portion containing FGI"));
            }
        }
        // Coverage through a tetragraph needs the vocabulary; the constructor (vocab == null) leaves it to callers.
        if (vocab != null && m.type() == ClassificationType.JOINT && m.has(REL_TO)) {
            for (String owner : m.owners()) {
                if (!covers(m.releasableTo(), owner, vocab)) {
                    out.add(new Violation("DISSEM:REL_TO", "JOINT requires REL TO covering co-owner " + owner));
                }
            }
        }
        return out;
    }

    private static boolean covers(List<String> rel, String country, Vocabulary vocab) {
        if (rel.contains(country)) {
            return true;
        }
        return rel.stream().anyMatch(t -> vocab.members(t).contains(country));
    }

    private static void typeRules(Marking m, List<Violation> out) {
        ClassificationType t = m.type();
        if (m.restricted() && (t == ClassificationType.US || t == ClassificationType.JOINT)) {
            out.add(new Violation("CLASS", t == ClassificationType.JOINT
                    ? "JOINT may not carry RESTRICTED" : "RESTRICTED is not a US classification level"));
        }
        if (m.restricted() && m.level() != Classification.C) {
            out.add(new Violation("CLASS", "RESTRICTED ranks as CONFIDENTIAL"));
        }
        if ((t == ClassificationType.FGI || t == ClassificationType.NATO)) {
            if (!m.sci().isEmpty()) {
                out.add(new Violation("SCI", "SCI controls are not part of a non-US marking"));
            }
            if (m.fgi().present()) {
                out.add(new Violation("FGI", "a non-US marking has no FGI category"));
            }
        }
        if (t == ClassificationType.JOINT) {
            if (m.fgi().present()) {
                out.add(new Violation("FGI", "a JOINT marking has no FGI category"));
            }
            if (!m.has(REL_TO) || m.hasNoforn()) {
                out.add(new Violation(m.hasNoforn() ? "DISSEM:NOFORN" : "CLASS",
                        "JOINT requires REL TO and may not carry NOFORN"));
            }
            if (m.sci().stream().anyMatch(s -> s.system().equals("HCS"))) {
                out.add(new Violation("SCI:HCS", "JOINT may not carry HCS"));
            }
        }
        if (!m.natoControls().isEmpty() && t != ClassificationType.NATO) {
            out.add(new Violation("NATO:" + m.natoControls().iterator().next(),
                    "NATO special markings follow a NATO classification only"));
        }
        if (m.natoControls().contains(NatoControl.ATOMAL) && m.level() == Classification.U) {
            out.add(new Violation("NATO:ATOMAL", "ATOMAL requires a classified NATO level"));
        }
    }

    private static void fdrRules(Marking m, List<Violation> out) {
        Set<DissemControl> d = m.dissem();
        if (d.contains(NOFORN)) {
            if (d.contains(REL_TO)) {
                out.add(new Violation("DISSEM:REL_TO", "NOFORN cannot be used with REL TO"));
            }
            if (d.contains(RELIDO)) {
                out.add(new Violation("DISSEM:RELIDO", "NOFORN cannot be used with RELIDO"));
            }
            if (d.contains(DISPLAY_ONLY)) {
                out.add(new Violation("DISSEM:DISPLAY_ONLY", "DISPLAY ONLY cannot be used with NOFORN"));
            }
        }
        if (d.contains(DISPLAY_ONLY) && d.contains(RELIDO)) {
            out.add(new Violation("DISSEM:RELIDO", "DISPLAY ONLY cannot be used with RELIDO"));
        }
        List<String> rel = m.releasableTo();
        if (!rel.isEmpty()) {
            if (!rel.contains("USA")) {
                out.add(new Violation("DISSEM:REL_TO", "REL TO list must begin with USA"));
            } else if (rel.size() < 2) {
                out.add(new Violation("DISSEM:REL_TO", "REL TO requires at least one code besides USA"));
            }
        }
        if (m.displayOnlyTo().contains("USA")) {
            out.add(new Violation("DISSEM:DISPLAY_ONLY", "DISPLAY ONLY lists foreign countries only, not USA"));
        }
        for (NonIcControl c : EnumSet.of(NonIcControl.SBU_NOFORN, NonIcControl.LES_NOFORN)) {
            if (m.has(c)) {
                for (DissemControl x : EnumSet.of(REL_TO, RELIDO, DISPLAY_ONLY)) {
                    if (d.contains(x)) {
                        out.add(new Violation("DISSEM:" + x.name(), c.banner() + " cannot be used with " + x.banner()));
                    }
                }
            }
        }
    }

    private static void handlingRules(Marking m, List<Violation> out) {
        Set<DissemControl> d = m.dissem();
        Classification l = m.level();
        if (d.contains(FOUO) && l != Classification.U) {
            out.add(new Violation("DISSEM:FOUO", "FOUO only valid with UNCLASSIFIED"));
        }
        if (d.contains(ORCON) && d.contains(ORCON_USGOV)) {
            out.add(new Violation("DISSEM:ORCON_USGOV", "ORCON and ORCON-USGOV may not be used together"));
        }
        for (DissemControl oc : EnumSet.of(ORCON, ORCON_USGOV)) {
            if (d.contains(oc)) {
                if (!l.isClassified()) {
                    out.add(new Violation("DISSEM:" + oc.name(), oc.banner() + " requires a classified level"));
                }
                if (d.contains(RELIDO)) {
                    out.add(new Violation("DISSEM:RELIDO", oc.banner() + " may not be used with RELIDO"));
                }
            }
        }
        for (DissemControl c : EnumSet.of(RSEN, IMCON)) {
            if (d.contains(c) && !l.atLeast(Classification.S)) {
                out.add(new Violation("DISSEM:" + c.name(), c.banner() + " requires SECRET or TOP SECRET"));
            }
        }
    }

    private static void sciRules(Marking m, List<Violation> out) {
        Classification l = m.level();
        for (SciControl c : m.sci()) {
            String key = "SCI:" + c.system();
            if (!l.isClassified()) {
                out.add(new Violation(key, "SCI control requires a classified level"));
                continue;
            }
            switch (c.system()) {
                case "TK" -> {
                    if (!l.atLeast(Classification.S)) {
                        out.add(new Violation(key, "TK requires SECRET or TOP SECRET"));
                    }
                }
                case "SI" -> {
                    for (SciCompartment comp : c.compartments()) {
                        String ck = "SCI:SI-" + comp.name();
                        if (l != Classification.TS) {
                            out.add(new Violation(ck, "SI-" + comp.name() + " valid only with TOP SECRET"));
                        }
                        if (comp.name().equals("G") && !m.has(ORCON)) {
                            out.add(new Violation(ck, "SI-G requires ORCON"));
                        }
                    }
                }
                case "HCS" -> {
                    if (!m.hasNoforn()) {
                        out.add(new Violation(key, "HCS requires NOFORN"));
                    }
                    for (SciCompartment comp : c.compartments()) {
                        String ck = "SCI:HCS-" + comp.name();
                        if (comp.name().equals("O")) {
                            if (!m.has(ORCON)) {
                                out.add(new Violation(ck, "HCS-O requires ORCON and NOFORN"));
                            }
                            if (m.has(ORCON_USGOV)) {
                                out.add(new Violation(ck, "HCS-O may not be used with ORCON-USGOV"));
                            }
                        }
                        if (comp.name().equals("P") && !comp.subCompartments().isEmpty()
                                && l != Classification.TS) {
                            out.add(new Violation(ck, "HCS-P sub-compartments valid only with TOP SECRET"));
                        }
                    }
                }
                case "RSV" -> {
                    if (c.compartments().isEmpty()) {
                        out.add(new Violation(key, "RESERVE requires a compartment"));
                    }
                    for (SciCompartment comp : c.compartments()) {
                        if (comp.name().length() > 3) {
                            out.add(new Violation("SCI:RSV-" + comp.name(),
                                    "RESERVE compartments have at most 3 characters"));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (!m.sap().isEmpty() && !l.isClassified()) {
            out.add(new Violation("SAP", "SAP markings require a classified level"));
        }
    }

    private static void aeaRules(Marking m, boolean portion, List<Violation> out) {
        for (AeaMarking a : m.aea()) {
            String key = "AEA:" + a.type().name();
            if (a.type().classifiedOnly() && !m.level().isClassified()) {
                out.add(new Violation(key, a.type().banner() + " requires a classified level"));
            }
            if (a.type() == AeaMarking.Type.RD_CNWDI && !m.level().atLeast(Classification.S)) {
                out.add(new Violation(key, "RD-CNWDI requires SECRET or TOP SECRET"));
            }
            if (portion && !a.type().classifiedOnly() && m.level().isClassified()) {
                out.add(new Violation(key, a.type().banner() + " marks unclassified information only"));
            }
        }
    }

    private static void nonIcRules(Marking m, boolean portion, List<Violation> out) {
        Set<NonIcControl> n = m.nonIc();
        for (NonIcControl c : EnumSet.of(NonIcControl.EXDIS, NonIcControl.NODIS)) {
            if (n.contains(c) && !m.hasNoforn()) {
                out.add(new Violation("NONIC:" + c.name(), c.banner() + " requires NOFORN"));
            }
        }
        if (n.contains(NonIcControl.EXDIS) && n.contains(NonIcControl.NODIS)) {
            out.add(new Violation("NONIC:EXDIS", "EXDIS and NODIS may not be used together (NODIS supersedes)"));
        }
        if (n.contains(NonIcControl.SBU) && n.contains(NonIcControl.SBU_NOFORN)) {
            out.add(new Violation("NONIC:SBU", "SBU and SBU NOFORN may not be used together"));
        }
        if (n.contains(NonIcControl.LES) && n.contains(NonIcControl.LES_NOFORN)) {
            out.add(new Violation("NONIC:LES", "LES and LES NOFORN may not be used together"));
        }
        if (portion && m.level().isClassified()) {
            for (NonIcControl c : n) {
                if (c.unclassifiedOnlyInPortion()) {
                    out.add(new Violation("NONIC:" + c.name(),
                            c.banner() + " is valid only on an UNCLASSIFIED portion"));
                }
            }
        }
    }

    private static void cuiRules(Marking m, List<Violation> out) {
        if (!m.isCui()) {
            return;
        }
        if (m.type() != ClassificationType.US || m.level() != Classification.U) {
            out.add(new Violation("CLASS", "CUI is an unclassified marking"));
        }
        if (!m.sci().isEmpty() || !m.sap().isEmpty() || !m.aea().isEmpty() || m.fgi().present()
                || !m.nonIc().isEmpty()) {
            out.add(new Violation("CUI", "a CUI marking carries only categories and limited dissemination controls"));
        }
        for (DissemControl c : m.dissem()) {
            if (c != NOFORN && c != REL_TO && c != DISPLAY_ONLY) {
                out.add(new Violation("DISSEM:" + c.name(), c.banner() + " is not a CUI limited dissemination control"));
            }
        }
    }
}
