package io.sextant.guard.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The visibility expression and the Java access decision must agree on every (marking, clearance) pair: the index
 * filter and the per-hit check are two independent encodings of SPEC §5.2. Seeded; {@code -Dtests.seed=N} replays.
 */
class VisibilityAgreementTest {

    private static final long SEED = Long.getLong("tests.seed", 20261128L);
    private static final int PAIRS = 12_000;

    @Test
    void expressionAgreesWithAccessPolicyOnRandomPairs() {
        System.out.println("VisibilityAgreementTest seed=" + SEED + " (replay with -Dtests.seed=" + SEED + ")");
        RandomMarkings gen = new RandomMarkings(new Random(SEED));
        int allow = 0;
        int deny = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            Marking m = gen.marking();
            Clearance c = gen.clearance(m);
            boolean java = AccessPolicy.decide(c, m).allowed();
            VisibilityExpression e = Visibility.of(m);
            Set<String> auths = Visibility.authorizations(c);
            boolean expr = e.evaluate(auths);
            boolean reparsed = VisibilityExpression.parse(e.toString()).evaluate(auths);
            boolean cnf = satisfies(e.clauses(), auths);
            if (java != expr || expr != reparsed || expr != cnf) {
                disagreements.add(m + " | " + c + " java=" + java + " expr=" + expr + " reparsed=" + reparsed
                        + " cnf=" + cnf + " label=" + e);
            }
            if (java) {
                allow++;
            } else {
                deny++;
            }
        }
        System.out.println("VisibilityAgreementTest pairs=" + PAIRS + " allow=" + allow + " deny=" + deny);
        assertThat(disagreements).as("seed " + SEED).isEmpty();
        assertThat(allow).as("ALLOW share, seed " + SEED).isGreaterThan(PAIRS / 5);
        assertThat(deny).as("DENY share, seed " + SEED).isGreaterThan(PAIRS / 5);
    }

    @Test
    void documentExpressionIsTheConjunctionOfItsPortions() {
        RandomMarkings gen = new RandomMarkings(new Random(SEED + 1));
        int allow = 0;
        for (int i = 0; i < 3_000; i++) {
            List<Marking> portions = new ArrayList<>();
            int n = 1 + (i % 4);
            for (int k = 0; k < n; k++) {
                portions.add(gen.marking());
            }
            Clearance c = gen.clearance(portions.get(0));
            boolean java = AccessPolicy.decideAll(c, portions).allowed();
            VisibilityExpression doc = Visibility.of(portions);
            Set<String> auths = Visibility.authorizations(c);
            assertThat(doc.evaluate(auths)).as("seed %d, portions %s, clearance %s", SEED + 1, portions, c)
                    .isEqualTo(java);
            assertThat(satisfies(doc.clauses(), auths)).as("CNF, seed %d, %s", SEED + 1, portions).isEqualTo(java);
            allow += java ? 1 : 0;
        }
        assertThat(allow).as("some documents are visible").isGreaterThan(300);
    }

    static boolean satisfies(List<Set<String>> clauses, Set<String> auths) {
        for (Set<String> clause : clauses) {
            if (clause.stream().noneMatch(auths::contains)) {
                return false;
            }
        }
        return true;
    }
}
