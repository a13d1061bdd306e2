package io.sextant.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClearanceTextTest {

    @Test
    void canonicalFormSortsKeysAndValuesAndNormalisesCase() {
        assertThat(ClearanceText.canonical(" country=usa ; sci=TK,si,SI ; level=ts ;member=fvey"))
                .isEqualTo("level=TS;sci=SI,TK;country=USA;member=FVEY");
        assertThat(ClearanceText.canonical("level=U")).isEqualTo("level=U");
        assertThat(ClearanceText.level("level=TS;sci=SI")).isEqualTo("TS");
    }

    @Test
    void malformedClearancesAreRejectedWithPositionAndReason() {
        assertThatThrownBy(() -> ClearanceText.canonical("sci=SI")).hasMessageContaining("missing level");
        assertThatThrownBy(() -> ClearanceText.canonical("level=TS;sci=SI;level=S"))
                .hasMessageContaining("position 17").hasMessageContaining("given twice");
        assertThatThrownBy(() -> ClearanceText.canonical("level=XS")).hasMessageContaining("unknown level 'XS'");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;country=US"))
                .hasMessageContaining("position 17").hasMessageContaining("trigraph");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;colour=red")).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S,TS")).hasMessageContaining("exactly one level");
        assertThatThrownBy(() -> ClearanceText.canonical("level")).hasMessageContaining("expected key=value");
        assertThatThrownBy(() -> ClearanceText.canonical("level=S;sci=SI,")).hasMessageContaining("empty value");
    }
}
