package io.sextant.guard.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityExpressionTest {

    @Test
    void parsesAndPrintsAccumuloSyntax() {
        VisibilityExpression e = VisibilityExpression.parse("level:S&(rel:USA|rel:GBR)&sci:SI-G");
        assertThat(e).isInstanceOf(VisibilityExpression.And.class);
        assertThat(e.toString()).isEqualTo("level:S&(rel:USA|rel:GBR)&sci:SI-G");
        assertThat(VisibilityExpression.parse("(a&b)|c").toString()).isEqualTo("(a&b)|c");
    }

    @Test
    void quotesTokensOutsideTheTokenAlphabetAndRoundTrips() {
        VisibilityExpression e = VisibilityExpression.and(List.of(VisibilityExpression.term("FRD-SG 3"),
                VisibilityExpression.term("a\"b\\c"), VisibilityExpression.term("x_y-z.1:2/3")));
        assertThat(e.toString()).isEqualTo("\"FRD-SG 3\"&\"a\\\"b\\\\c\"&x_y-z.1:2/3");
        assertThat(VisibilityExpression.parse(e.toString())).isEqualTo(e);
    }

    @Test
    void emptyExpressionIsVisibleToAll() {
        assertThat(VisibilityExpression.parse("")).isEqualTo(VisibilityExpression.TRUE);
        assertThat(VisibilityExpression.TRUE.toString()).isEmpty();
        assertThat(VisibilityExpression.TRUE.evaluate(Set.of())).isTrue();
        assertThat(VisibilityExpression.TRUE.clauses()).isEmpty();
    }

    @Test
    void rejectsMixedOperatorsWithoutParenthesesWithThePosition() {
        assertThatThrownBy(() -> VisibilityExpression.parse("A|B&C"))
                .isInstanceOfSatisfying(InvalidVisibilityException.class, e -> {
                    assertThat(e.position()).isEqualTo(3);
                    assertThat(e.reason()).contains("mix");
                });
    }

    @Test
    void rejectsMalformedExpressions() {
        for (String bad : List.of("!A", "A&", "(A", "A)", "()", "A B", "\"\"", "\"A", "\"a\\q\"", "&A", "A||B")) {
            assertThatThrownBy(() -> VisibilityExpression.parse(bad)).as(bad)
                    .isInstanceOf(InvalidVisibilityException.class);
        }
    }

    @Test
    void normalisesNestingDuplicatesAndSingleChildren() {
        VisibilityExpression e = VisibilityExpression.parse("A&(B&C)&A&(D)");
        assertThat(e.toString()).isEqualTo("A&B&C&D");
        assertThat(VisibilityExpression.parse("(A|(B|A))").toString()).isEqualTo("A|B");
        assertThat(VisibilityExpression.or(List.of(VisibilityExpression.term("A"), VisibilityExpression.TRUE)))
                .isEqualTo(VisibilityExpression.TRUE);
    }

    @Test
    void evaluatesOverAuthorizations() {
        VisibilityExpression e = VisibilityExpression.parse("S&(USA|GBR|FVEY)");
        assertThat(e.evaluate(Set.of("S", "NZL", "FVEY"))).isTrue();
        assertThat(e.evaluate(Set.of("S", "FRA"))).isFalse();
        assertThat(e.evaluate(Set.of("GBR"))).isFalse();
    }

    @Test
    void clausesAreTheConjunctiveNormalFormWithSubsumption() {
        assertThat(VisibilityExpression.parse("A&(B|C)&(B|C|D)").clauses())
                .containsExactly(Set.of("A"), Set.of("B", "C"));
        assertThat(VisibilityExpression.parse("(A&B)|C").clauses())
                .containsExactlyInAnyOrder(Set.of("A", "C"), Set.of("B", "C"));
        assertThat(VisibilityExpression.parse("A|(A&B)").clauses()).containsExactly(Set.of("A"));
    }

    @Test
    void refusesNormalFormsThatWouldExplode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(i == 0 ? "(" : "|(");
            for (int k = 0; k < 20; k++) {
                sb.append(k == 0 ? "" : "&").append('t').append(i).append('_').append(k);
            }
            sb.append(')');
        }
        VisibilityExpression e = VisibilityExpression.parse(sb.toString());
        assertThatThrownBy(e::clauses).isInstanceOf(IllegalStateException.class).hasMessageContaining("too complex");
    }

    @Test
    void recordsRejectNonNormalShapes() {
        assertThatThrownBy(() -> new VisibilityExpression.Or(List.of(VisibilityExpression.term("A"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VisibilityExpression.term("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VisibilityExpression.or(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
