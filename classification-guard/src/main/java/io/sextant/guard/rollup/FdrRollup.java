package io.sextant.guard.rollup;

import io.sextant.guard.marking.Codes;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.NonIcControl;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The foreign disclosure and release roll-up of SPEC §4 R7 (CAPCO16 Table 3): per-portion FD&amp;R states, NOFORN
 * dominance, REL TO intersection with FVEY/ACGU/TEYE expansion, RELIDO only when every portion has it, DISPLAY ONLY
 * from the common disclosure set; the DOD profile drops FD&amp;R instead of adding NOFORN in the two cases R7 names.
 */
final class FdrRollup {

    /**
     * The FD&amp;R part of a banner.
     *
     * @param noforn         NOFORN
     * @param explicitNoforn some portion carries NOFORN (or a control requiring it) beyond SBU/LES NOFORN
     * @param rel            REL TO codes without USA (empty: none)
     * @param relido         RELIDO
     * @param display        DISPLAY ONLY codes (empty: none)
     */
    record Result(boolean noforn, boolean explicitNoforn, List<String> rel, boolean relido, List<String> display) {
        static final Result NONE = new Result(false, false, List.of(), false, List.of());

        static Result noforn(boolean explicit) {
            return new Result(true, explicit, List.of(), false, List.of());
        }

        void apply(Marking.Builder b) {
            if (!rel.isEmpty()) {
                List<String> list = new ArrayList<>();
                list.add("USA");
                list.addAll(rel);
                b.releasableTo(list);
            }
            if (relido) {
                b.dissem(DissemControl.RELIDO);
            }
            if (!display.isEmpty()) {
                b.displayOnlyTo(display);
            }
        }
    }

    private final Profile profile;
    private final Vocabulary vocab;

    FdrRollup(Profile profile, Vocabulary vocab) {
        this.profile = profile;
        this.vocab = vocab;
    }

    Result rollup(List<Marking> portions) {
        List<Marking> contributing = new ArrayList<>();
        for (Marking m : portions) {
            // An unclassified portion with no FD&R marking does not take part (CAPCO16 p51, ISM-ID-00088).
            if (m.level().isClassified() || m.hasFdr()) {
                contributing.add(m);
            }
        }
        if (contributing.stream().noneMatch(Marking::hasFdr)) {
            return Result.NONE;
        }
        boolean explicit = contributing.stream().anyMatch(FdrRollup::explicitNoforn);
        if (contributing.stream().anyMatch(Marking::isNofornState)) {
            return Result.noforn(explicit);
        }
        if (contributing.stream().anyMatch(m -> !m.hasFdr())) {
            return profile == Profile.DOD ? Result.NONE : Result.noforn(true);
        }
        boolean relAll = contributing.stream().allMatch(m -> m.has(DissemControl.REL_TO));
        boolean relidoAll = contributing.stream().allMatch(m -> m.has(DissemControl.RELIDO));
        if (relAll) {
            List<List<String>> lists = new ArrayList<>();
            contributing.forEach(m -> lists.add(withoutUsa(m.releasableTo())));
            List<String> common = intersect(lists);
            if (common.isEmpty()) {
                return profile == Profile.DOD ? Result.NONE : Result.noforn(true);
            }
            List<String> display = List.of();
            if (contributing.stream().allMatch(m -> m.has(DissemControl.DISPLAY_ONLY))) {
                display = new ArrayList<>(intersect(disclosureLists(contributing)));
                display.removeAll(common);
                display = List.copyOf(display);
            }
            return new Result(false, false, common, relidoAll, display);
        }
        if (relidoAll) {
            return new Result(false, false, List.of(), true, List.of());
        }
        if (contributing.stream().allMatch(m -> m.has(DissemControl.REL_TO) || m.has(DissemControl.DISPLAY_ONLY))) {
            List<String> common = intersect(disclosureLists(contributing));
            return common.isEmpty() ? Result.noforn(true) : new Result(false, false, List.of(), false, common);
        }
        return Result.noforn(true);
    }

    private static boolean explicitNoforn(Marking m) {
        return m.hasNoforn() || m.has(NonIcControl.EXDIS) || m.has(NonIcControl.NODIS)
                || m.sci().stream().anyMatch(s -> s.system().equals("HCS"));
    }

    private static List<List<String>> disclosureLists(List<Marking> ms) {
        List<List<String>> lists = new ArrayList<>();
        for (Marking m : ms) {
            List<String> l = new ArrayList<>(withoutUsa(m.releasableTo()));
            m.displayOnlyTo().stream().filter(c -> !l.contains(c)).forEach(l::add);
            lists.add(l);
        }
        return lists;
    }

    private static List<String> withoutUsa(List<String> l) {
        return l.stream().filter(c -> !c.equals("USA")).toList();
    }

    /**
     * Common codes of all lists: tetragraphs present literally in every list are kept as tokens; trigraphs are
     * intersected after expanding FVEY/ACGU/TEYE to their members; trigraphs covered by a kept expandable
     * tetragraph are dropped (SPEC §4 R7.4).
     */
    List<String> intersect(List<List<String>> lists) {
        Set<String> tetra = null;
        Set<String> tri = null;
        for (List<String> l : lists) {
            Set<String> t4 = new TreeSet<>();
            Set<String> t3 = new TreeSet<>();
            for (String c : l) {
                if (c.length() == 3) {
                    t3.add(c);
                } else {
                    t4.add(c);
                    if (vocab.expandsInRollup(c)) {
                        t3.addAll(vocab.members(c));
                    }
                }
            }
            t3.remove("USA");
            if (tetra == null) {
                tetra = t4;
                tri = t3;
            } else {
                tetra.retainAll(t4);
                tri.retainAll(t3);
            }
        }
        if (tetra == null) {
            return List.of();
        }
        for (String t : tetra) {
            if (vocab.expandsInRollup(t)) {
                tri.removeAll(vocab.members(t));
            }
        }
        List<String> out = new ArrayList<>(tri);
        out.addAll(tetra);
        out.sort(Codes.COUNTRY_ORDER);
        return List.copyOf(out);
    }
}
