package io.sextant.guard.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.detect.DetectedMarking;
import io.sextant.guard.detect.MarkingDetector;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.visibility.RandomMarkings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random products from random valid sources: a product is never handed out when any contributing source is outside
 * the user's access, never marks a paragraph below its sources, and renders with every paragraph portion marked and
 * the banner first and last. Seeded; {@code -Dtests.seed=N} replays.
 */
class OutputGuardPropertiesTest {

    private static final long SEED = Long.getLong("tests.seed", 20261128L);
    private static final OutputGuard GUARD = new OutputGuard(RandomMarkings.PARSER);
    private static final MarkingDetector DETECTOR = new MarkingDetector(RandomMarkings.PARSER);

    @Test
    void productsNeverExceedAccessNorMarkBelowTheirSources() {
        System.out.println("OutputGuardPropertiesTest seed=" + SEED);
        Random r = new Random(SEED);
        RandomMarkings gen = new RandomMarkings(r);
        int products = 0;
        int refusals = 0;
        for (int n = 0; n < 1_500; n++) {
            List<Source> offered = new ArrayList<>();
            int k = 1 + r.nextInt(4);
            for (int i = 0; i < k; i++) {
                offered.add(new Source("s" + i, "Source " + i, gen.marking(),
                        r.nextBoolean() ? DeclassifyOn.date(LocalDate.of(2040, 1, 1)) : null,
                        LocalDate.of(2015 + i, 1, 1)));
            }
            List<Paragraph> ps = new ArrayList<>();
            int np = 1 + r.nextInt(3);
            for (int i = 0; i < np; i++) {
                ps.add(r.nextInt(4) == 0 ? Paragraph.unknownProvenance("Paragraph " + i + ".")
                        : Paragraph.of("Paragraph " + i + ".", "s" + r.nextInt(k)));
            }
            Clearance user = gen.clearance(offered.get(0).marking());
            GuardResult result = GUARD.review(new GuardRequest(ps, offered, user, new Person("A. Reviewer", "Analyst"),
                    LocalDate.of(2026, 11, 28)));
            if (result instanceof GuardResult.MarkedProduct p) {
                products++;
                check(p, ps, offered, user);
            } else {
                refusals++;
            }
        }
        System.out.println("OutputGuardPropertiesTest products=" + products + " refusals=" + refusals);
        assertThat(products).as("seed " + SEED).isGreaterThan(150);
        assertThat(refusals).as("seed " + SEED).isGreaterThan(150);
    }

    private static void check(GuardResult.MarkedProduct p, List<Paragraph> ps, List<Source> offered, Clearance user) {
        assertThat(AccessPolicy.decide(user, p.banner()).allowed()).isTrue();
        for (int i = 0; i < ps.size(); i++) {
            Marking pm = p.paragraphs().get(i).marking();
            Paragraph para = ps.get(i);
            List<Source> used = para.provenanceKnown()
                    ? offered.stream().filter(s -> para.sourceIds().contains(s.id())).toList() : offered;
            for (Source s : used) {
                assertThat(AccessPolicy.decide(user, s.marking()).allowed()).as("%s for %s", s.marking(), user)
                        .isTrue();
                assertThat(pm.level().atLeast(s.marking().level())).isTrue();
                assertThat(pm.sciTokens()).containsAll(s.marking().sciTokens());
                assertThat(p.banner().level().atLeast(s.marking().level())).isTrue();
            }
        }
        String text = p.render();
        String banner = MarkingFormatter.banner(p.banner());
        assertThat(text).startsWith(banner + "\n").endsWith("\n" + banner + "\n");
        List<DetectedMarking> found = DETECTOR.detect(text);
        assertThat(found).filteredOn(d -> d.kind() == DetectedMarking.Kind.PORTION_MARK).hasSize(ps.size())
                .allMatch(DetectedMarking::isValid);
        assertThat(p.authorityBlock() != null).isEqualTo(p.banner().level().isClassified());
    }
}
