package io.sextant.guard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.Vocabulary;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    private final Vocabulary vocab = Vocabulary.defaults();

    @Test
    void parsesEveryAttribute() {
        Clearance c = Clearance.parse(
                " level=ts ; sci=SI, SI-G,TK ; sap=BP; aea=RD;country=gbr;orgs=ISAF;action=release;nato=true;"
                        + "orcon=yes", vocab);
        assertThat(c.level()).isEqualTo(Classification.TS);
        assertThat(c.sci()).containsExactly("SI", "SI-G", "TK");
        assertThat(c.sap()).containsExactly("BP");
        assertThat(c.aea()).containsExactly("RD");
        assertThat(c.country()).isEqualTo("GBR");
        assertThat(c.memberships()).contains("FVEY", "ACGU", "TEYE", "NATO", "ISAF");
        assertThat(c.action()).isEqualTo(Action.RELEASE);
        assertThat(c.natoBriefed()).isTrue();
        assertThat(c.orconApproved()).isTrue();
        assertThat(c.isUsPerson()).isFalse();
    }

    @Test
    void defaultsAreViewWithNoAccessesAndNoApprovals() {
        Clearance c = Clearance.parse("level=S;sci=;country=USA", vocab);
        assertThat(c.sci()).isEmpty();
        assertThat(c.action()).isEqualTo(Action.VIEW);
        assertThat(c.natoBriefed()).isFalse();
        assertThat(c.orconApproved()).isFalse();
        assertThat(c.isUsPerson()).isTrue();
        assertThat(c.memberships()).contains("FVEY", "NATO");
    }

    @Test
    void aDualNationalIsTreatedAsForeign() {
        assertThat(Clearance.parse("level=S;country=USA,DEU", vocab).country()).isEqualTo("DEU");
        assertThatThrownBy(() -> Clearance.parse("level=S;country=GBR,DEU", vocab))
                .hasMessageContaining("more than one non-US citizenship");
    }

    @Test
    void malformedClearancesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Clearance.parse("country=USA", vocab)).hasMessageContaining("needs level");
        assertThatThrownBy(() -> Clearance.parse("level=S", vocab)).hasMessageContaining("needs country");
        assertThatThrownBy(() -> Clearance.parse("level=X;country=USA", vocab)).hasMessageContaining("level must");
        assertThatThrownBy(() -> Clearance.parse("level=S;country=XXX", vocab)).hasMessageContaining("XXX");
        assertThatThrownBy(() -> Clearance.parse("level=S;country=USA;colour=red", vocab))
                .hasMessageContaining("unknown clearance attribute");
        assertThatThrownBy(() -> Clearance.parse("level=S;level=TS;country=USA", vocab))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Clearance.parse("level=S;country=USA;action=print", vocab))
                .hasMessageContaining("view or release");
        assertThatThrownBy(() -> Clearance.parse("level=S;country=USA;orgs=ZZZZ", vocab))
                .hasMessageContaining("unknown organisation");
        assertThatThrownBy(() -> Clearance.parse("level=S;country=USA;nato=maybe", vocab))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> Clearance.parse("level S", vocab)).hasMessageContaining("without '='");
    }
}
