package io.sextant.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Classification;
import org.junit.jupiter.api.Test;

class ClearanceTextTest {

    @Test
    void canonicalFormSortsKeysAndValuesAndNormalisesCase() {
        assertThat(ClearanceText.canonical(" country=usa ; sci=TK,si,SI ; level=ts ;orgs=fvey"))
                .isEqualTo("level=TS;sci=SI,TK;country=USA;orgs=FVEY");
        assertThat(ClearanceText.canonical("level=U;country=GBR;nato=true")).isEqualTo("level=U;country=GBR;nato=TRUE");
    }

    @Test
    void theCanonicalFormIsTheGuardsClearance() {
        Clearance c = ClearanceText.parse(ClearanceText.canonical("level=S;sci=SI;country=GBR"));
        assertThat(c.level()).isEqualTo(Classification.S);
        assertThat(c.sci()).containsExactly("SI");
        assertThat(c.country()).isEqualTo("GBR");
        assertThat(c.memberships()).contains("FVEY");
    }

    @Test
    void malformedClearancesAreRejectedWithPositionAndReason() {
        assertThatThrownBy(() -> ClearanceText.canonical("sci=SI")).hasMessageContaining("missing level");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S")).hasMessageContaining("missing country");
        assertThatThrownBy(() -> ClearanceText.canonical("level=TS;sci=SI;level=S"))
                .hasMessageContaining("position 17").hasMessageContaining("given twice");
        assertThatThrownBy(() -> ClearanceText.canonical("level=XS;country=USA"))
                .hasMessageContaining("unknown level 'XS'");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;country=US"))
                .hasMessageContaining("position 17").hasMessageContaining("trigraph");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;country=XYZ"))
                .hasMessageContaining("unknown country code: XYZ");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;country=USA;orgs=ABCD"))
                .hasMessageContaining("unknown organisation");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;colour=red")).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S,TS;country=USA"))
                .hasMessageContaining("exactly one value");
        assertThatThrownBy(() -> ClearanceText.canonical("level")).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;sci=SI,")).hasMessageContaining("empty value");
    }
}
