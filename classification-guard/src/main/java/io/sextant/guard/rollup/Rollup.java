package io.sextant.guard.rollup;

import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.CuiLdc;
import io.sextant.guard.marking.CuiMarking;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.FgiMarking;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.MarkingRules;
import io.sextant.guard.marking.NonIcControl;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a document's banner from its portions (SPEC §4 R1–R9): highest level; union of SCI, SAP and AEA; FGI
 * sources or concealed FGI; dissemination controls with supersession; the foreign disclosure and release table with
 * tetragraph expansion ({@link FdrRollup}); non-IC supersession; CUI only in all-unclassified banners. Fails closed:
 * an invalid portion or a combination without a canonical banner throws {@link RollupException}, never a banner.
 */
public final class Rollup {

    private static final Rollup IC = new Rollup(Profile.IC, Vocabulary.defaults());
    private static final Rollup DOD = new Rollup(Profile.DOD, Vocabulary.defaults());
    private static final Set<DissemControl> HANDLING = EnumSet.of(DissemControl.RSEN, DissemControl.ORCON,
            DissemControl.ORCON_USGOV, DissemControl.IMCON, DissemControl.PROPIN, DissemControl.DSEN,
            DissemControl.FISA);

    private final Profile profile;
    private final Vocabulary vocab;

    /**
     * @param profile IC or DOD FD&amp;R rules
     * @param vocab   tetragraph memberships for REL TO intersection
     */
    public Rollup(Profile profile, Vocabulary vocab) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.vocab = Objects.requireNonNull(vocab, "vocab");
    }

    /**
     * @param portions the portions' markings
     * @return the banner marking under the IC profile
     * @throws RollupException when no banner can be derived
     */
    public static Marking of(Collection<Marking> portions) {
        return IC.rollup(portions);
    }

    /**
     * @param portions the portions' markings
     * @param profile  IC or DOD
     * @return the banner marking
     * @throws RollupException when no banner can be derived
     */
    public static Marking of(Collection<Marking> portions, Profile profile) {
        return (profile == Profile.DOD ? DOD : IC).rollup(portions);
    }

    /**
     * Parses each portion mark and rolls them up; an unparsable portion is an error naming its index.
     *
     * @param portionMarks the portion marks, e.g. {@code (S//NF)}
     * @param parser       the parser to read them with (its profile is used for the roll-up too)
     * @return the banner marking
     * @throws RollupException when a portion is invalid or no banner can be derived
     */
    public static Marking ofPortionMarks(List<String> portionMarks, MarkingParser parser) {
        List<Marking> ms = new ArrayList<>();
        for (int i = 0; i < portionMarks.size(); i++) {
            try {
                ms.add(parser.parsePortion(portionMarks.get(i)).marking());
            } catch (InvalidMarkingException e) {
                throw new RollupException(e.reason() + " in portion " + (i + 1) + " at position " + e.position()
                        + " (fail closed; no banner produced)", i + 1, e);
            }
        }
        return new Rollup(parser.profile(), parser.vocabulary()).rollup(ms);
    }

    /**
     * @param portions the portions' markings (at least one)
     * @return the banner marking
     * @throws RollupException when no banner can be derived
     */
    public Marking rollup(Collection<Marking> portions) {
        List<Marking> ps = List.copyOf(Objects.requireNonNull(portions, "portions"));
        if (ps.isEmpty()) {
            throw new RollupException("no portions to roll up", 0, null);
        }
        for (int i = 0; i < ps.size(); i++) {
            List<MarkingRules.Violation> v = MarkingRules.check(ps.get(i), true, vocab);
            if (!v.isEmpty()) {
                throw new RollupException(v.get(0).reason() + " in portion " + (i + 1)
                        + " (fail closed; no banner produced)", i + 1, null);
            }
            if (!ps.get(i).natoControls().isEmpty()) {
                throw new RollupException("NATO special marking " + ps.get(i).natoControls().iterator().next()
                        + " in portion " + (i + 1) + " has no place in a US banner (fail closed)", i + 1, null);
            }
        }
        Marking.Builder b = Marking.builder();
        Classification level = Classification.U;
        for (Marking m : ps) {
            level = Classification.max(level, m.level());
            m.sci().forEach(b::sci);
            m.sap().forEach(b::sap);
            m.aea().forEach(b::aea);
        }
        b.level(level);
        b.fgi(fgi(ps));
        EnumSet<DissemControl> handling = EnumSet.noneOf(DissemControl.class);
        EnumSet<NonIcControl> nonIc = EnumSet.noneOf(NonIcControl.class);
        boolean fouo = false;
        for (Marking m : ps) {
            m.dissem().stream().filter(HANDLING::contains).forEach(handling::add);
            fouo |= m.has(DissemControl.FOUO);
            nonIc.addAll(m.nonIc());
        }
        if (handling.contains(DissemControl.ORCON)) {
            handling.remove(DissemControl.ORCON_USGOV);
        }
        supersede(nonIc, NonIcControl.NODIS, NonIcControl.EXDIS);
        supersede(nonIc, NonIcControl.SBU_NOFORN, NonIcControl.SBU);
        supersede(nonIc, NonIcControl.LES_NOFORN, NonIcControl.LES);
        FdrRollup.Result fdr = new FdrRollup(profile, vocab).rollup(ps);
        boolean noforn = fdr.noforn();
        boolean hasNfControl = nonIc.contains(NonIcControl.LES_NOFORN) || nonIc.contains(NonIcControl.SBU_NOFORN);
        if (hasNfControl) {
            if (level == Classification.U && noforn && !fdr.explicitNoforn()) {
                noforn = false; // UNCLASSIFIED//LES NOFORN: the non-IC control already says NOFORN (CAPCO p185)
            } else {
                replace(nonIc, NonIcControl.LES_NOFORN, NonIcControl.LES);
                replace(nonIc, NonIcControl.SBU_NOFORN, NonIcControl.SBU);
                noforn = noforn || level.isClassified();
            }
        }
        handling.forEach(b::dissem);
        nonIc.forEach(b::nonIc);
        if (noforn) {
            b.dissem(DissemControl.NOFORN);
        }
        fdr.apply(b);
        boolean cui = ps.stream().anyMatch(Marking::isCui);
        if (level == Classification.U) {
            if (fouo && handling.isEmpty() && nonIc.isEmpty() && !cui) {
                b.dissem(DissemControl.FOUO);
            }
            if (cui) {
                cuiBanner(b, ps, handling, nonIc, fdr.relido());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RollupException("no valid banner for these portions: " + e.getMessage()
                    + " (fail closed)", 0, e);
        }
    }

    private void cuiBanner(Marking.Builder b, List<Marking> ps, Set<DissemControl> handling, Set<NonIcControl> nonIc,
            boolean relido) {
        if (!handling.isEmpty() || !nonIc.isEmpty()) {
            throw new RollupException("no canonical banner for CUI together with legacy controls "
                    + handling + nonIc + " (fail closed)", 0, null);
        }
        if (relido) {
            // RELIDO is no CUI limited dissemination control: the nearest that does not lower the banner is NOFORN.
            b.removeDissem(DissemControl.RELIDO).removeDissem(DissemControl.REL_TO)
                    .removeDissem(DissemControl.DISPLAY_ONLY).dissem(DissemControl.NOFORN);
        }
        if (profile == Profile.DOD) {
            // DoD CUI banners carry neither categories nor LDCs; they go in the designation indicator block. FD&R
            // that a non-CUI portion contributes stays: dropping it would lower the banner.
            b.cui(CuiMarking.BASIC);
            if (ps.stream().filter(Marking::hasFdr).allMatch(Marking::isCui)) {
                b.removeDissem(DissemControl.NOFORN).removeDissem(DissemControl.REL_TO)
                        .removeDissem(DissemControl.DISPLAY_ONLY);
            }
            return;
        }
        Set<String> cats = new TreeSet<>();
        EnumSet<CuiLdc> ldcs = EnumSet.noneOf(CuiLdc.class);
        for (Marking m : ps) {
            cats.addAll(m.cui().categories());
            ldcs.addAll(m.cui().ldcs());
        }
        cats.removeIf(c -> !c.startsWith("SP-") && cats.contains("SP-" + c));
        b.cui(new CuiMarking(true, List.copyOf(cats), ldcs));
    }

    private static FgiMarking fgi(List<Marking> ps) {
        boolean any = false;
        boolean concealed = false;
        Set<String> sources = new TreeSet<>();
        for (Marking m : ps) {
            switch (m.type()) {
                case FGI -> {
                    any = true;
                    if (m.owners().equals(List.of("FGI"))) {
                        concealed = true;
                    } else {
                        sources.addAll(m.owners());
                    }
                }
                case NATO -> {
                    any = true;
                    sources.add("NATO");
                }
                case JOINT -> {
                    any = true;
                    m.owners().stream().filter(o -> !o.equals("USA")).forEach(sources::add);
                }
                case US -> {
                    if (m.fgi().present()) {
                        any = true;
                        concealed |= m.fgi().concealed();
                        sources.addAll(m.fgi().sources());
                    }
                }
            }
        }
        if (!any) {
            return FgiMarking.NONE;
        }
        return concealed ? FgiMarking.CONCEALED : FgiMarking.of(List.copyOf(sources));
    }

    private static void supersede(Set<NonIcControl> set, NonIcControl winner, NonIcControl loser) {
        if (set.contains(winner)) {
            set.remove(loser);
        }
    }

    private static void replace(Set<NonIcControl> set, NonIcControl from, NonIcControl to) {
        if (set.remove(from)) {
            set.add(to);
        }
    }

    /** @return the profile */
    public Profile profile() {
        return profile;
    }
}
