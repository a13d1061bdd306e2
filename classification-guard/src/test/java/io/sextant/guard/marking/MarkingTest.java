package io.sextant.guard.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkingTest {

    @Test
    void componentsAreHeldInCanonicalOrderSoEqualMeaningIsEqualValue() {
        Marking a = Marking.builder().level(Classification.TS)
                .sci(new SciControl("SI", List.of(new SciCompartment("XYZ", List.of()),
                        new SciCompartment("G", List.of("EFGH", "ABCD")))))
                .dissem(DissemControl.NOFORN).dissem(DissemControl.ORCON).build();
        Marking b = Marking.builder().level(Classification.TS)
                .sci(new SciControl("SI", List.of(new SciCompartment("G", List.of("ABCD")))))
                .sci(new SciControl("SI", List.of(new SciCompartment("G", List.of("EFGH")), SciCompartment.of("XYZ"))))
                .dissem(DissemControl.ORCON).dissem(DissemControl.NOFORN).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(MarkingFormatter.portion(a)).isEqualTo("(TS//SI-G ABCD EFGH-XYZ//OC/NF)");
        assertThat(a.toString()).isEqualTo("(TS//SI-G ABCD EFGH-XYZ//OC/NF)");
    }

    @Test
    void releasableListsPutUsaFirstThenTrigraphsThenTetragraphs() {
        Marking m = Marking.builder().level(Classification.S)
                .releasableTo(List.of("NATO", "GBR", "USA", "AUS", "FVEY")).build();
        assertThat(m.releasableTo()).containsExactly("USA", "AUS", "GBR", "FVEY", "NATO");
        assertThat(m.has(DissemControl.REL_TO)).isTrue();
    }

    @Test
    void theConstructorEnforcesTheContextFreeRules() {
        assertThatThrownBy(() -> Marking.builder().level(Classification.S).dissem(DissemControl.FOUO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FOUO");
        assertThatThrownBy(() -> Marking.builder().level(Classification.S).dissem(DissemControl.NOFORN)
                .releasableTo(List.of("USA", "GBR")).build()).hasMessageContaining("NOFORN");
        assertThatThrownBy(() -> Marking.builder().level(Classification.S).dissem(DissemControl.REL_TO).build())
                .hasMessageContaining("country list");
        assertThatThrownBy(() -> Marking.builder().level(Classification.S).releasableTo(List.of("GBR")).build())
                .hasMessageContaining("USA");
        assertThatThrownBy(() -> Marking.builder().type(ClassificationType.US, List.of("GBR")).build())
                .hasMessageContaining("USA alone");
        assertThatThrownBy(() -> new SciCompartment("A-B", List.of())).hasMessageContaining("invalid");
        assertThatThrownBy(() -> new AeaMarking(AeaMarking.Type.RD_SIGMA, List.of()))
                .hasMessageContaining("SIGMA");
        assertThatThrownBy(() -> FgiMarking.of(List.of("USA"))).hasMessageContaining("USA");
    }

    @Test
    void portionOnlyRulesAreLeftToTheParserAndRollup() {
        Marking banner = Marking.builder().level(Classification.S).dissem(DissemControl.NOFORN)
                .nonIc(NonIcControl.LES).build();
        assertThat(MarkingRules.check(banner, false, null)).isEmpty();
        assertThat(MarkingRules.check(banner, true, null)).extracting(MarkingRules.Violation::reason)
                .anyMatch(r -> r.contains("UNCLASSIFIED portion"));
    }

    @Test
    void helpersDescribeTheForeignDisclosureState() {
        MarkingParser p = MarkingParser.defaultParser();
        assertThat(p.parsePortion("(U//LES-NF)").marking().isNofornState()).isTrue();
        assertThat(p.parsePortion("(U//LES-NF)").marking().hasNoforn()).isFalse();
        assertThat(p.parsePortion("(S//RELIDO)").marking().hasFdr()).isTrue();
        assertThat(p.parsePortion("(S//OC)").marking().hasFdr()).isFalse();
        assertThat(p.parsePortion("(U)").marking().isUnclassified()).isTrue();
        assertThat(p.parsePortion("(U)").marking().hasControls()).isFalse();
        assertThat(p.parsePortion("(//DEU S)").marking().containsFgi()).isTrue();
        assertThat(Marking.UNCLASSIFIED.level()).isEqualTo(Classification.U);
        assertThat(Classification.TS.atLeast(Classification.S)).isTrue();
        assertThat(Classification.C.rank()).isEqualTo(1);
    }
}
