package io.sextant.guard.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    private static Marking m(String portion) {
        return MarkingParser.defaultParser().parsePortion(portion).marking();
    }

    private static Set<String> auths(String clearance) {
        return Visibility.authorizations(Clearance.parse(clearance, Vocabulary.defaults()));
    }

    @Test
    void sciPortionRequiresEveryTokenAndUsCitizenship() {
        assertThat(Visibility.of(m("(TS//SI-G ABCD//OC/NF)")).toString())
                .isEqualTo("level:TS&sci:SI&sci:SI-G&sci:SI-G-ABCD&citizen:USA&ctl:ORCON");
    }

    @Test
    void relToIsADisjunctionResolvedOnTheUserSide() {
        VisibilityExpression e = Visibility.of(m("(S//REL TO USA, GBR, FVEY)"));
        assertThat(e.toString()).isEqualTo("level:S&(citizen:USA|rel:USA|rel:GBR|rel:FVEY)");
        assertThat(e.evaluate(auths("level=S;country=NZL"))).isTrue();
        assertThat(e.evaluate(auths("level=S;country=FRA"))).isFalse();
        assertThat(e.evaluate(auths("level=C;country=GBR"))).isFalse();
    }

    @Test
    void displayOnlyDistinguishesViewFromReleaseOnTheUserSide() {
        VisibilityExpression e = Visibility.of(m("(S//DISPLAY ONLY AFG)"));
        assertThat(e.evaluate(auths("level=S;country=AFG;action=view"))).isTrue();
        assertThat(e.evaluate(auths("level=S;country=AFG;action=release"))).isFalse();
    }

    @Test
    void orconFamilyBlocksReleaseWithoutOriginatorApproval() {
        VisibilityExpression e = Visibility.of(m("(S//OC/NF)"));
        assertThat(e.evaluate(auths("level=S;country=USA;action=view"))).isTrue();
        assertThat(e.evaluate(auths("level=S;country=USA;action=release"))).isFalse();
        assertThat(e.evaluate(auths("level=S;country=USA;action=release;orcon=true"))).isTrue();
    }

    @Test
    void unclassifiedWithoutControlsIsVisibleToEveryone() {
        assertThat(Visibility.of(m("(U)")).toString()).isEqualTo("level:U");
        assertThat(Visibility.of(m("(U)")).evaluate(auths("level=U;country=FRA"))).isTrue();
        assertThat(Visibility.of(m("(U//FOUO)")).evaluate(auths("level=U;country=FRA"))).isFalse();
    }

    @Test
    void classifiedWithoutReleaseMarkingAndRelidoAreUsOnly() {
        assertThat(Visibility.of(m("(C)")).evaluate(auths("level=TS;country=GBR"))).isFalse();
        assertThat(Visibility.of(m("(C//RELIDO)")).evaluate(auths("level=S;country=GBR"))).isFalse();
        assertThat(Visibility.of(m("(C//RELIDO)")).evaluate(auths("level=S;country=USA"))).isTrue();
    }

    @Test
    void natoInformationRequiresABriefing() {
        VisibilityExpression e = Visibility.of(m("(//NS//REL TO USA, NATO)"));
        assertThat(e.evaluate(auths("level=S;country=DEU"))).isFalse();
        assertThat(e.evaluate(auths("level=S;country=DEU;nato=true"))).isTrue();
    }

    @Test
    void userSideHoldsEveryLevelAtOrBelowTheClearance() {
        assertThat(auths("level=S;sci=SI;country=GBR")).contains("level:U", "level:C", "level:S", "sci:SI",
                "rel:GBR", "rel:FVEY", "rel:NATO", "citizen:GBR", "disp:GBR").doesNotContain("level:TS",
                "citizen:USA");
    }

    @Test
    void documentLevelIsTheConjunctionAndMatchesRollupRowNine() {
        VisibilityExpression doc = Visibility.of(List.of(m("(S//REL TO USA, GBR)"), m("(C//REL TO USA, AUS)")));
        assertThat(doc.clauses()).contains(Set.of("level:S")).doesNotContain(Set.of("level:C"));
        assertThat(doc.evaluate(auths("level=S;country=GBR"))).isFalse();
        assertThat(doc.evaluate(auths("level=S;country=AUS"))).isFalse();
        assertThat(doc.evaluate(auths("level=S;country=USA"))).isTrue();
    }

    @Test
    void aLargeDocumentKeepsOneClausePerDistinctRequirement() {
        List<Marking> portions = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            portions.add(m(i % 2 == 0 ? "(TS//SI-G ABCD//OC/NF)" : "(S//REL TO USA, GBR)"));
        }
        assertThat(Visibility.of(portions).clauses()).containsExactlyInAnyOrder(Set.of("level:TS"),
                Set.of("sci:SI"), Set.of("sci:SI-G"), Set.of("sci:SI-G-ABCD"), Set.of("citizen:USA"),
                Set.of("ctl:ORCON"));
    }

    @Test
    void anUnreadablePortionMarkIsVisibleToNobody() {
        VisibilityExpression e = Visibility.ofPortionMark("(S//NF/REL TO USA, GBR)", MarkingParser.defaultParser());
        assertThat(e).isEqualTo(Visibility.NOBODY);
        assertThat(e.evaluate(auths("level=TS;sci=SI;country=USA;nato=true;orcon=true"))).isFalse();
        assertThat(Visibility.ofPortionMark("(S//NF)", MarkingParser.defaultParser()).toString())
                .isEqualTo("level:S&citizen:USA");
    }
}
