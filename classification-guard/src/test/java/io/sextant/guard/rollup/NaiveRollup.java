package io.sextant.guard.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.ClassificationType;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.NonIcControl;
import io.sextant.guard.marking.Vocabulary;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately simple reference for SPEC §4: a fold over the portions, and FD&amp;R judged by meaning (the set of
 * countries a banner releases to, every tetragraph expanded) instead of by token lists.
 */
final class NaiveRollup {

    private final Vocabulary vocab;

    NaiveRollup(Vocabulary vocab) {
        this.vocab = vocab;
    }

    private Set<String> expand(Collection<String> codes) {
        Set<String> out = new TreeSet<>();
        for (String c : codes) {
            if (c.equals("USA")) {
                continue;
            }
            if (vocab.expandsInRollup(c)) {
                vocab.members(c).stream().filter(x -> !x.equals("USA")).forEach(out::add);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    void assertAgrees(List<Marking> ps, Marking b) {
        String what = ps.stream().map(MarkingFormatter::portion).toList() + " -> " + MarkingFormatter.banner(b);
        Classification level = Classification.U;
        Set<String> sci = new TreeSet<>();
        Set<String> sap = new TreeSet<>();
        Set<String> aea = new TreeSet<>();
        Set<String> fgi = new TreeSet<>();
        boolean foreign = false;
        boolean concealed = false;
        EnumSet<DissemControl> handling = EnumSet.noneOf(DissemControl.class);
        EnumSet<NonIcControl> nonIc = EnumSet.noneOf(NonIcControl.class);
        for (Marking p : ps) {
            level = Classification.max(level, p.level());
            sci.addAll(p.sciTokens());
            sap.addAll(p.sapTokens());
            aea.addAll(p.aeaTokens());
            if (p.type() == ClassificationType.FGI) {
                foreign = true;
                concealed |= p.owners().contains("FGI");
                p.owners().stream().filter(o -> !o.equals("FGI")).forEach(fgi::add);
            } else if (p.type() == ClassificationType.NATO) {
                foreign = true;
                fgi.add("NATO");
            } else if (p.type() == ClassificationType.JOINT) {
                foreign = true;
                p.owners().stream().filter(o -> !o.equals("USA")).forEach(fgi::add);
            } else if (p.fgi().present()) {
                foreign = true;
                concealed |= p.fgi().concealed();
                fgi.addAll(p.fgi().sources());
            }
            for (DissemControl d : p.dissem()) {
                if (!d.isFdr()) {
                    handling.add(d);
                }
            }
            nonIc.addAll(p.nonIc());
        }
        assertThat(b.level()).as(what).isEqualTo(level);
        assertThat(new TreeSet<>(b.sciTokens())).as(what).isEqualTo(sci);
        assertThat(new TreeSet<>(b.sapTokens())).as(what).isEqualTo(sap);
        assertThat(new TreeSet<>(b.aeaTokens())).as(what).isEqualTo(aea);
        assertThat(b.type()).as(what).isEqualTo(ClassificationType.US);
        assertThat(b.fgi().present()).as(what).isEqualTo(foreign);
        if (foreign) {
            assertThat(b.fgi().concealed()).as(what).isEqualTo(concealed);
            if (!concealed) {
                assertThat(new TreeSet<>(b.fgi().sources())).as(what).isEqualTo(fgi);
            }
        }
        boolean fouo = handling.remove(DissemControl.FOUO);
        if (handling.contains(DissemControl.ORCON)) {
            handling.remove(DissemControl.ORCON_USGOV);
        }
        for (DissemControl d : handling) {
            assertThat(b.has(d)).as(what + " keeps " + d).isTrue();
        }
        if (nonIc.contains(NonIcControl.NODIS)) {
            nonIc.remove(NonIcControl.EXDIS);
        }
        assertThat(b.has(DissemControl.FOUO)).as(what).isEqualTo(
                fouo && level == Classification.U && handling.isEmpty() && nonIc.isEmpty());
        for (NonIcControl c : nonIc) {
            NonIcControl base = c == NonIcControl.LES_NOFORN ? NonIcControl.LES
                    : c == NonIcControl.SBU_NOFORN ? NonIcControl.SBU : c;
            assertThat(b.has(c) || b.has(base)).as(what + " keeps " + c).isTrue();
        }
        fdr(ps, b, what);
    }

    private void fdr(List<Marking> ps, Marking b, String what) {
        List<Marking> contributing = ps.stream().filter(p -> p.level().isClassified() || p.hasFdr()).toList();
        boolean bRel = b.has(DissemControl.REL_TO);
        boolean bDisp = b.has(DissemControl.DISPLAY_ONLY);
        if (contributing.stream().noneMatch(Marking::hasFdr)) {
            assertThat(b.hasFdr()).as(what + ": no FD&R in any portion").isFalse();
            return;
        }
        if (contributing.stream().anyMatch(Marking::isNofornState) || contributing.stream().anyMatch(p -> !p.hasFdr())) {
            assertThat(b.isNofornState() && !bRel && !bDisp && !b.has(DissemControl.RELIDO)).as(what).isTrue();
            return;
        }
        boolean relAll = contributing.stream().allMatch(p -> p.has(DissemControl.REL_TO));
        boolean relidoAll = contributing.stream().allMatch(p -> p.has(DissemControl.RELIDO));
        if (relAll) {
            Set<String> common = null;
            for (Marking p : contributing) {
                Set<String> e = expand(p.releasableTo());
                if (common == null) {
                    common = e;
                } else {
                    common.retainAll(e);
                }
            }
            if (common.isEmpty()) {
                assertThat(b.hasNoforn() && !bRel).as(what).isTrue();
            } else {
                assertThat(expand(b.releasableTo())).as(what).isEqualTo(common);
                assertThat(b.has(DissemControl.RELIDO)).as(what).isEqualTo(relidoAll);
            }
            return;
        }
        if (relidoAll) {
            assertThat(b.has(DissemControl.RELIDO) && !bRel && !bDisp && !b.hasNoforn()).as(what).isTrue();
            return;
        }
        if (contributing.stream().allMatch(p -> p.has(DissemControl.REL_TO) || p.has(DissemControl.DISPLAY_ONLY))) {
            Set<String> common = null;
            for (Marking p : contributing) {
                Set<String> e = expand(p.releasableTo());
                e.addAll(expand(p.displayOnlyTo()));
                if (common == null) {
                    common = e;
                } else {
                    common.retainAll(e);
                }
            }
            if (common.isEmpty()) {
                assertThat(b.hasNoforn()).as(what).isTrue();
            } else {
                assertThat(expand(b.displayOnlyTo())).as(what).isEqualTo(common);
                assertThat(bRel).as(what).isFalse();
            }
            return;
        }
        assertThat(b.hasNoforn()).as(what).isTrue();
    }
}
