package io.sextant.guard.access;

import io.sextant.guard.marking.AeaMarking;
import io.sextant.guard.marking.ClassificationType;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a user may see (or release) one portion, by SPEC §5.2: every rule must pass, and anything the
 * guard cannot read is denied. A document is visible when every portion is (AND over portions).
 */
public final class AccessPolicy {

    private static final Set<DissemControl> ORIGINATOR_CONTROLS = EnumSet.of(DissemControl.ORCON,
            DissemControl.ORCON_USGOV, DissemControl.PROPIN, DissemControl.FISA, DissemControl.DSEN,
            DissemControl.IMCON);

    private AccessPolicy() {
    }

    /**
     * @param user    the user's clearance
     * @param marking the portion's marking
     * @return {@link AccessDecision.Allow} when every rule of SPEC §5.2 holds, else a {@link AccessDecision.Deny}
     *         naming the first rule that failed
     */
    public static AccessDecision decide(Clearance user, Marking marking) {
        if (user == null || marking == null) {
            return new AccessDecision.Deny("no clearance or no marking: denied by default");
        }
        if (!user.level().atLeast(marking.level())) {
            return new AccessDecision.Deny("classification " + marking.level() + " is above the clearance level "
                    + user.level());
        }
        for (String t : marking.sciTokens()) {
            if (!user.sci().contains(t)) {
                return new AccessDecision.Deny("no access to SCI control " + t);
            }
        }
        for (String t : marking.sapTokens()) {
            if (!user.sap().contains(t)) {
                return new AccessDecision.Deny("no access to SAP " + t);
            }
        }
        for (AeaMarking a : marking.aea()) {
            if (a.type().requiresAccess()) {
                for (String t : aeaAccesses(a)) {
                    if (!user.aea().contains(t)) {
                        return new AccessDecision.Deny("no access to Atomic Energy Act information " + t);
                    }
                }
            }
        }
        if (involvesNato(marking) && !user.natoBriefed()) {
            return new AccessDecision.Deny("NATO information requires a NATO briefing");
        }
        if (!user.isUsPerson()) {
            AccessDecision fdr = foreignDisclosure(user, marking);
            if (fdr instanceof AccessDecision.Deny) {
                return fdr;
            }
        }
        if (user.action() == Action.RELEASE && !user.orconApproved()) {
            for (DissemControl d : marking.dissem()) {
                if (ORIGINATOR_CONTROLS.contains(d)) {
                    return new AccessDecision.Deny(d.banner() + " blocks release without originator approval");
                }
            }
        }
        return AccessDecision.ALLOW;
    }

    /**
     * Document-level visibility (SPEC §5.2): the AND over the portions; an empty document is denied.
     *
     * @param user     the user's clearance
     * @param portions the markings of every portion of the document
     * @return allow when every portion is allowed, else the first portion's deny, naming the portion (1-based)
     */
    public static AccessDecision decideAll(Clearance user, java.util.Collection<Marking> portions) {
        if (portions == null || portions.isEmpty()) {
            return new AccessDecision.Deny("no portions: denied by default");
        }
        int i = 0;
        for (Marking m : portions) {
            i++;
            if (decide(user, m) instanceof AccessDecision.Deny d) {
                return new AccessDecision.Deny("portion " + i + ": " + d.reason());
            }
        }
        return AccessDecision.ALLOW;
    }

    /**
     * Parses the portion mark with the default parser and decides; any parse or validation error is a deny.
     *
     * @param user        the user's clearance
     * @param portionMark the portion mark, e.g. {@code (S//REL TO USA, GBR)}
     * @return the decision
     */
    public static AccessDecision decide(Clearance user, String portionMark) {
        return decide(user, portionMark, MarkingParser.defaultParser());
    }

    /**
     * @param user        the user's clearance
     * @param portionMark the portion mark
     * @param parser      the parser (vocabulary and profile) to read it with
     * @return the decision; a deny naming the error when the mark is invalid
     */
    public static AccessDecision decide(Clearance user, String portionMark, MarkingParser parser) {
        try {
            return decide(user, parser.parsePortion(portionMark).marking());
        } catch (InvalidMarkingException e) {
            return new AccessDecision.Deny("invalid marking (" + e.getMessage() + "): denied by default");
        } catch (RuntimeException e) {
            return new AccessDecision.Deny("marking could not be checked: denied by default");
        }
    }

    /** A SIGMA or CNWDI access presupposes the base RD/FRD access, so both are required. */
    private static List<String> aeaAccesses(AeaMarking a) {
        return switch (a.type()) {
            case RD_CNWDI -> List.of("RD", "RD-CNWDI");
            case RD_SIGMA -> concat("RD", a.tokens());
            case FRD_SIGMA -> concat("FRD", a.tokens());
            default -> a.tokens();
        };
    }

    private static List<String> concat(String first, List<String> rest) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /**
     * NATO-classified information (NATO RESTRICTED and above, or US material carrying NATO FGI) needs a briefing;
     * NATO UNCLASSIFIED does not (CAPCO16 Table 5), but its special markings do.
     */
    private static boolean involvesNato(Marking m) {
        boolean nato = m.type() == ClassificationType.NATO || m.fgi().sources().contains("NATO");
        return nato && m.level().isClassified() || !m.natoControls().isEmpty();
    }

    private static AccessDecision foreignDisclosure(Clearance user, Marking m) {
        String c = user.country();
        if (m.isNofornState()) {
            return new AccessDecision.Deny("not releasable to foreign nationals (NOFORN)");
        }
        boolean rel = m.has(DissemControl.REL_TO);
        boolean disp = m.has(DissemControl.DISPLAY_ONLY);
        if (rel || disp) {
            boolean inRel = rel && (m.releasableTo().contains(c)
                    || m.releasableTo().stream().anyMatch(user.memberships()::contains));
            if (inRel) {
                return AccessDecision.ALLOW;
            }
            boolean inDisp = disp && m.displayOnlyTo().contains(c);
            if (inDisp && user.action() == Action.VIEW) {
                return AccessDecision.ALLOW;
            }
            if (inDisp) {
                return new AccessDecision.Deny("DISPLAY ONLY permits disclosure to " + c + ", not release");
            }
            return new AccessDecision.Deny(c + " is not in the " + (rel ? "REL TO" : "DISPLAY ONLY") + " list");
        }
        if (m.has(DissemControl.RELIDO)) {
            return new AccessDecision.Deny("RELIDO: release to foreign nationals needs a disclosure official");
        }
        if (m.level().isClassified()) {
            return new AccessDecision.Deny("classified with no foreign disclosure marking: handled as NOFORN");
        }
        if (m.containsFgi()) {
            return new AccessDecision.Deny("foreign government information with no release marking");
        }
        if (m.hasControls()) {
            return new AccessDecision.Deny("unclassified with controls but no foreign disclosure marking");
        }
        return AccessDecision.ALLOW;
    }
}
