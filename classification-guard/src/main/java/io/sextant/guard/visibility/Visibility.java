package io.sextant.guard.visibility;

import io.sextant.guard.access.Action;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.AeaMarking;
import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.ClassificationType;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Encodes the access rules of SPEC §5.2 as visibility expressions, so that a search index can filter by clearance
 * inside the query, and gives the matching authorization set of a user. For every marking {@code m} and clearance
 * {@code c}: {@code of(m).evaluate(authorizations(c)) == AccessPolicy.decide(c, m).allowed()} (proved by a randomized
 * test). Tokens are namespaced ({@code level:S}, {@code sci:SI-G}, {@code rel:GBR}...) because SAP program and local
 * SCI identifiers are open vocabularies and could otherwise collide with country codes or levels.
 *
 * <p>The label side ({@link #of(Marking)}) holds what a marking requires; the user side ({@link #authorizations})
 * holds the expansion of the clearance: every level at or below it, the SCI/SAP/AEA accesses, the citizenship with
 * its tetragraph memberships, and tokens that depend on the action (view vs release).
 */
public final class Visibility {

    /** Prefix of level tokens: a label holds its level, a user every level at or below the clearance. */
    public static final String LEVEL = "level:";
    /** Prefix of SCI tokens in ISM hyphen form. */
    public static final String SCI = "sci:";
    /** Prefix of SAP program tokens. */
    public static final String SAP = "sap:";
    /** Prefix of Atomic Energy Act access tokens. */
    public static final String AEA = "aea:";
    /** Prefix of release tokens: the user's citizenship and each tetragraph membership. */
    public static final String REL = "rel:";
    /** Prefix of disclosure (DISPLAY ONLY) tokens: the user's citizenship, only when the action is view. */
    public static final String DISPLAY = "disp:";
    /** Prefix of the citizenship token; only {@code citizen:USA} appears in labels. */
    public static final String CITIZEN = "citizen:";
    /** The token US persons hold and NOFORN-state labels require. */
    public static final String US_PERSON = CITIZEN + "USA";
    /** Prefix of originator/handling control tokens, held when viewing or when originator approval is recorded. */
    public static final String CONTROL = "ctl:";
    /** The token of users briefed for NATO information. */
    public static final String NATO_BRIEFED = "nato:briefed";

    /**
     * The label of something the guard cannot read: a token no authorization set ever holds, so nobody sees it (fail
     * closed). Accumulo's syntax has no FALSE, hence a reserved token.
     */
    public static final VisibilityExpression NOBODY = VisibilityExpression.term("deny:unreadable-marking");

    /** Controls that block release without originator approval (SPEC §5.2.5), in the order labels list them. */
    private static final Set<DissemControl> RELEASE_CONTROLS = EnumSet.of(DissemControl.ORCON,
            DissemControl.ORCON_USGOV, DissemControl.IMCON, DissemControl.PROPIN, DissemControl.DSEN,
            DissemControl.FISA);

    private Visibility() {
    }

    /**
     * @param marking a valid portion (or banner) marking
     * @return the expression a user's authorizations must satisfy to see it
     */
    public static VisibilityExpression of(Marking marking) {
        Objects.requireNonNull(marking, "marking");
        List<VisibilityExpression> parts = new ArrayList<>();
        parts.add(VisibilityExpression.term(LEVEL + marking.level().portion()));
        for (String t : marking.sciTokens()) {
            parts.add(VisibilityExpression.term(SCI + t));
        }
        for (String t : marking.sapTokens()) {
            parts.add(VisibilityExpression.term(SAP + t));
        }
        for (AeaMarking a : marking.aea()) {
            if (a.type().requiresAccess()) {
                for (String t : aeaAccesses(a)) {
                    parts.add(VisibilityExpression.term(AEA + t));
                }
            }
        }
        if (involvesNato(marking)) {
            parts.add(VisibilityExpression.term(NATO_BRIEFED));
        }
        parts.add(foreignDisclosure(marking));
        for (DissemControl d : marking.dissem()) {
            if (RELEASE_CONTROLS.contains(d)) {
                parts.add(VisibilityExpression.term(controlToken(d)));
            }
        }
        return VisibilityExpression.and(parts);
    }

    /**
     * Labels a portion mark given as text; an invalid mark gets {@link #NOBODY} (fail closed).
     *
     * @param portionMark the portion mark, e.g. {@code (S//REL TO USA, GBR)}
     * @param parser      the parser (vocabulary and profile) to read it with
     * @return the expression, or {@link #NOBODY} when the mark does not parse
     */
    public static VisibilityExpression ofPortionMark(String portionMark, MarkingParser parser) {
        try {
            return of(parser.parsePortion(portionMark).marking());
        } catch (InvalidMarkingException e) {
            return NOBODY;
        }
    }

    /**
     * Document-level visibility: a document is visible when every portion is (SPEC §5.2, AND over portions). Level
     * terms below the highest are dropped, since every user holding a level holds all levels below it.
     *
     * @param portions the portions' markings (at least one)
     * @return the conjunction of the portions' expressions
     * @throws IllegalArgumentException when there are no portions
     */
    public static VisibilityExpression of(Collection<Marking> portions) {
        if (portions.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one portion");
        }
        Classification top = Classification.U;
        for (Marking m : portions) {
            top = Classification.max(top, m.level());
        }
        List<VisibilityExpression> parts = new ArrayList<>();
        parts.add(VisibilityExpression.term(LEVEL + top.portion()));
        for (Marking m : portions) {
            VisibilityExpression e = of(m);
            List<VisibilityExpression> conjuncts = e instanceof VisibilityExpression.And a ? a.children() : List.of(e);
            for (VisibilityExpression c : conjuncts) {
                if (!(c instanceof VisibilityExpression.Term t && t.token().startsWith(LEVEL))) {
                    parts.add(c);
                }
            }
        }
        return VisibilityExpression.and(parts);
    }

    /**
     * @param user a clearance
     * @return the user's expanded authorizations, sorted and unmodifiable
     */
    public static Set<String> authorizations(Clearance user) {
        Objects.requireNonNull(user, "user");
        Set<String> out = new TreeSet<>();
        for (Classification c : Classification.values()) {
            if (user.level().atLeast(c)) {
                out.add(LEVEL + c.portion());
            }
        }
        user.sci().forEach(t -> out.add(SCI + t));
        user.sap().forEach(t -> out.add(SAP + t));
        user.aea().forEach(t -> out.add(AEA + t));
        out.add(CITIZEN + user.country());
        out.add(REL + user.country());
        user.memberships().forEach(t -> out.add(REL + t));
        if (user.action() == Action.VIEW) {
            out.add(DISPLAY + user.country());
        }
        if (user.action() == Action.VIEW || user.orconApproved()) {
            RELEASE_CONTROLS.forEach(d -> out.add(controlToken(d)));
        }
        if (user.natoBriefed()) {
            out.add(NATO_BRIEFED);
        }
        return Collections.unmodifiableSet(out);
    }

    /** SPEC §5.2.4: US persons pass; foreign nationals need a REL TO or (for viewing) a DISPLAY ONLY entry. */
    private static VisibilityExpression foreignDisclosure(Marking m) {
        VisibilityExpression us = VisibilityExpression.term(US_PERSON);
        if (m.isNofornState()) {
            return us;
        }
        boolean rel = m.has(DissemControl.REL_TO);
        boolean disp = m.has(DissemControl.DISPLAY_ONLY);
        if (rel || disp) {
            List<VisibilityExpression> any = new ArrayList<>();
            any.add(us);
            if (rel) {
                m.releasableTo().forEach(c -> any.add(VisibilityExpression.term(REL + c)));
            }
            if (disp) {
                m.displayOnlyTo().forEach(c -> any.add(VisibilityExpression.term(DISPLAY + c)));
            }
            return VisibilityExpression.or(any);
        }
        // RELIDO alone, classified without FD&R, FGI without FD&R, U with controls: US persons only.
        if (m.has(DissemControl.RELIDO) || m.level().isClassified() || m.containsFgi() || m.hasControls()) {
            return us;
        }
        return VisibilityExpression.TRUE;
    }

    /** A SIGMA or CNWDI access presupposes the base RD/FRD access, so both are required (as AccessPolicy does). */
    private static List<String> aeaAccesses(AeaMarking a) {
        List<String> out = new ArrayList<>();
        switch (a.type()) {
            case RD_CNWDI, RD_SIGMA -> out.add("RD");
            case FRD_SIGMA -> out.add("FRD");
            default -> {
            }
        }
        out.addAll(a.tokens());
        return out;
    }

    /** NATO-classified information (NR and above) and NATO special markings need a briefing; NU does not. */
    private static boolean involvesNato(Marking m) {
        boolean nato = m.type() == ClassificationType.NATO || m.fgi().sources().contains("NATO");
        return nato && m.level().isClassified() || !m.natoControls().isEmpty();
    }

    private static String controlToken(DissemControl d) {
        return CONTROL + d.name().replace('_', '-');
    }
}
