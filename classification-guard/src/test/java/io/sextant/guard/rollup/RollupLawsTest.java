package io.sextant.guard.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingRules;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.testing.RandomMarkings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollupLawsTest {

    private static final int SETS = 3000;
    private final Rollup rollup = new Rollup(Profile.IC, RandomMarkings.VOCAB);

    private static List<List<Marking>> sets(String name) {
        long seed = RandomMarkings.seed(name);
        Random r = new Random(seed);
        RandomMarkings gen = new RandomMarkings(r, true);
        List<List<Marking>> out = new ArrayList<>();
        for (int i = 0; i < SETS; i++) {
            List<Marking> ps = new ArrayList<>();
            for (int n = 1 + r.nextInt(6); n > 0; n--) {
                ps.add(gen.next());
            }
            out.add(ps);
        }
        return out;
    }

    private static String show(List<Marking> ps) {
        return ps.stream().map(MarkingFormatter::portion).toList().toString();
    }

    @Test
    void theBannerDoesNotDependOnPortionOrderOrRepetition() {
        Random shuffler = new Random(1);
        for (List<Marking> ps : sets("theBannerDoesNotDependOnPortionOrderOrRepetition")) {
            Marking b = rollup.rollup(ps);
            List<Marking> shuffled = new ArrayList<>(ps);
            Collections.shuffle(shuffled, shuffler);
            assertThat(rollup.rollup(shuffled)).as(show(ps)).isEqualTo(b);
            List<Marking> twice = new ArrayList<>(ps);
            twice.addAll(ps);
            assertThat(rollup.rollup(twice)).as(show(ps)).isEqualTo(b);
        }
    }

    @Test
    void rollingUpABannersOwnPortionGivesTheBannerBack() {
        int checked = 0;
        for (List<Marking> ps : sets("rollingUpABannersOwnPortionGivesTheBannerBack")) {
            Marking b = rollup.rollup(ps);
            if (MarkingRules.check(b, true, RandomMarkings.VOCAB).isEmpty()) {
                assertThat(rollup.rollup(List.of(b))).as(show(ps)).isEqualTo(b);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(SETS / 2);
    }

    @Test
    void theBannerNeverLowersALevelOrDropsAnSciSapOrAeaControl() {
        for (List<Marking> ps : sets("theBannerNeverLowersALevelOrDropsAnSciSapOrAeaControl")) {
            Marking b = rollup.rollup(ps);
            for (Marking p : ps) {
                assertThat(b.level().atLeast(p.level())).as(show(ps)).isTrue();
                assertThat(b.sciTokens()).as(show(ps)).containsAll(p.sciTokens());
                assertThat(b.sapTokens()).as(show(ps)).containsAll(p.sapTokens());
                assertThat(b.aeaTokens()).as(show(ps)).containsAll(p.aeaTokens());
            }
        }
    }

    @Test
    void anyNofornPortionMakesTheBannerNoforn() {
        int seen = 0;
        for (List<Marking> ps : sets("anyNofornPortionMakesTheBannerNoforn")) {
            if (ps.stream().anyMatch(Marking::isNofornState)) {
                Marking b = rollup.rollup(ps);
                assertThat(b.isNofornState()).as(show(ps)).isTrue();
                assertThat(b.has(DissemControl.REL_TO) || b.has(DissemControl.RELIDO)
                        || b.has(DissemControl.DISPLAY_ONLY)).as(show(ps)).isFalse();
                seen++;
            }
        }
        assertThat(seen).isGreaterThan(100);
    }

    @Test
    void rollupAgreesWithANaiveReferenceFold() {
        NaiveRollup naive = new NaiveRollup(RandomMarkings.VOCAB);
        for (List<Marking> ps : sets("rollupAgreesWithANaiveReferenceFold")) {
            Marking b = rollup.rollup(ps);
            naive.assertAgrees(ps, b);
        }
    }
}
