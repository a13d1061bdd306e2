package io.sextant.guard.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollupTest {

    private static final MarkingParser IC = new MarkingParser(
            Vocabulary.defaults().withSapPrograms(List.of("BP", "GB")), Profile.IC);
    private static final MarkingParser DOD = new MarkingParser(
            Vocabulary.defaults().withSapPrograms(List.of("BP", "GB")), Profile.DOD);

    private static String roll(MarkingParser p, String portions) {
        return MarkingFormatter.banner(Rollup.ofPortionMarks(
                Arrays.stream(portions.split(";")).map(String::trim).toList(), p));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // R2/R3 level
        "(C);(U)|CONFIDENTIAL",
        "(U);(U//FOUO)|UNCLASSIFIED//FOUO",
        "(//NC);(U)|CONFIDENTIAL//FGI NATO",
        "(//GBR R);(U)|CONFIDENTIAL//FGI GBR",
        "(//CTS//REL TO USA, NATO);(S//REL TO USA, NATO)|TOP SECRET//FGI NATO//REL TO USA, NATO",
        // R4 unions
        "(TS//SI//NF);(S//TK//NF)|TOP SECRET//SI/TK//NOFORN",
        "(TS//SI-G ABCD//OC/NF);(TS//SI-G ABCD WXYZ//OC/NF)|TOP SECRET//SI-G ABCD WXYZ//ORCON/NOFORN",
        "(S//SAR-GB//NF);(S//SAR-BP//NF)|SECRET//SAR-BP/GB//NOFORN",
        "(S//RD-SG 14//NF);(S//RD-SG 2/FRD//NF)|SECRET//RD-SIGMA 2 14/FRD//NOFORN",
        // R5 FGI
        "(//DEU S//REL TO USA, DEU);(//GBR C//REL TO USA, DEU, GBR)|SECRET//FGI DEU GBR//REL TO USA, DEU",
        "(S//FGI//NF);(//DEU C//NF)|SECRET//FGI//NOFORN",
        "(//JOINT S CAN USA//REL TO USA, CAN)|SECRET//FGI CAN//REL TO USA, CAN",
        // R6 handling controls
        "(S//OC-USGOV/NF);(C//OC-USGOV/NF)|SECRET//ORCON-USGOV/NOFORN",
        "(S//RS/NF);(S//IMC/NF);(S//DSEN);(S//FISA)|SECRET//RSEN/IMCON/NOFORN/DEA SENSITIVE/FISA",
        "(U//FOUO);(U//DSEN)|UNCLASSIFIED//DEA SENSITIVE",
        "(U//FOUO);(U//SBU)|UNCLASSIFIED//SBU",
        "(U//FOUO);(C)|CONFIDENTIAL",
        // R7 FD&R (IC)
        "(S);(C)|SECRET",
        "(S//NF);(S//REL TO USA, GBR)|SECRET//NOFORN",
        "(S);(S//REL TO USA, GBR)|SECRET//NOFORN",
        "(S);(S//RELIDO)|SECRET//NOFORN",
        "(S//REL TO USA, AUS, GBR);(S//REL TO USA, GBR, NZL)|SECRET//REL TO USA, GBR",
        "(S//REL TO USA, ACGU);(S//REL TO USA, FVEY)|SECRET//REL TO USA, AUS, CAN, GBR",
        "(S//REL TO USA, TEYE);(S//REL TO USA, TEYE)|SECRET//REL TO USA, TEYE",
        "(S//REL TO USA, NATO);(S//REL TO USA, FRA)|SECRET//NOFORN",
        "(S//REL TO USA, GBR/RELIDO);(C//REL TO USA, GBR/RELIDO)|SECRET//REL TO USA, GBR/RELIDO",
        "(S//REL TO USA, GBR/RELIDO);(C//REL TO USA, GBR)|SECRET//REL TO USA, GBR",
        "(S//RELIDO);(C//REL TO USA, GBR/RELIDO)|SECRET//RELIDO",
        "(S//RELIDO);(U)|SECRET//RELIDO",
        "(S//DISPLAY ONLY AFG, IRQ);(S//DISPLAY ONLY IRQ)|SECRET//DISPLAY ONLY IRQ",
        "(S//DISPLAY ONLY AFG);(S//REL TO USA, AFG, GBR)|SECRET//DISPLAY ONLY AFG",
        "(S//DISPLAY ONLY AFG);(S//DISPLAY ONLY IRQ)|SECRET//NOFORN",
        "(S//DISPLAY ONLY AFG);(S//RELIDO)|SECRET//NOFORN",
        "(S//REL TO USA, GBR/DISPLAY ONLY AFG);(C//REL TO USA, GBR/DISPLAY ONLY AFG, IRQ)|SECRET//REL TO USA, GBR/DISPLAY ONLY AFG",
        "(U//REL TO USA, GBR);(U//FOUO)|UNCLASSIFIED//FOUO/REL TO USA, GBR",
        "(U//NF);(U)|UNCLASSIFIED//NOFORN",
        "(TS//HCS-P//NF);(S//REL TO USA, GBR)|TOP SECRET//HCS-P//NOFORN",
        // R8 non-IC
        "(S//NF//XD);(S//NF//ND)|SECRET//NOFORN//NODIS",
        "(S//NF//XD);(U)|SECRET//NOFORN//EXDIS",
        "(U//SBU);(U//SBU-NF)|UNCLASSIFIED//SBU NOFORN",
        "(U//LES-NF);(U)|UNCLASSIFIED//LES NOFORN",
        "(U//LES-NF);(U//NF)|UNCLASSIFIED//NOFORN//LES",
        "(U//SBU-NF);(C)|CONFIDENTIAL//NOFORN//SBU",
        "(U//DS);(S//NF)|SECRET//NOFORN//LIMDIS",
        "(S//NF);(U//DCNI)|SECRET//DOD UCNI//NOFORN",
        // CUI (SPEC 1.7: classified banners omit CUI)
        "(CUI//SP-PRVCY);(CUI//LEI//NF)|CUI//SP-PRVCY/LEI//NOFORN",
        "(CUI//PRVCY);(CUI//SP-PRVCY)|CUI//SP-PRVCY",
        "(CUI//FEDCON);(U//FOUO)|CUI//FEDCON",
        "(CUI//SP-PRVCY//NF);(S//REL TO USA, GBR)|SECRET//NOFORN",
        "(CUI//SP-PRVCY);(S)|SECRET",
        "(CUI//REL TO USA, GBR);(CUI//REL TO USA, GBR, AUS)|CUI//REL TO USA, GBR",
        "(CUI//SP-PRVCY);(U//RELIDO)|CUI//SP-PRVCY//NOFORN",
        "(CUI//REL TO USA, GBR);(U//REL TO USA, GBR/RELIDO)|CUI//REL TO USA, GBR",
    })
    void icProfileBannersFollowTheRollupRules(String portions, String banner) {
        assertThat(roll(IC, portions)).isEqualTo(banner);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "(S//REL TO USA, GBR);(C)|SECRET",
        "(S//REL TO USA, GBR);(C//REL TO USA, AUS)|SECRET",
        "(S//REL TO USA, GBR);(C//REL TO USA, GBR)|SECRET//REL TO USA, GBR",
        "(S//NF);(C//REL TO USA, GBR)|SECRET//NOFORN",
        "(CUI//SP-PRVCY//NF)|CUI",
        "(CUI//SP-PRVCY//NF);(U//NF)|CUI//NOFORN",
        "(CUI//SP-PRVCY);(U//RELIDO)|CUI//NOFORN",
    })
    void dodProfileDiffersOnlyWhereR7AndTheCuiBannerSaySo(String portions, String banner) {
        assertThat(roll(DOD, portions)).isEqualTo(banner);
    }

    @Test
    void anInvalidPortionGivesNoBanner() {
        assertThatThrownBy(() -> roll(IC, "(S//NF);(S//ZZTOP)"))
                .isInstanceOf(RollupException.class)
                .hasMessageContaining("unknown token ZZTOP in portion 2")
                .satisfies(e -> assertThat(((RollupException) e).portion()).isEqualTo(2));
    }

    @Test
    void markingsThatAreValidOnlyInABannerAreRejectedAsPortions() {
        Marking banner = IC.parseBanner("SECRET//NOFORN//LES").marking();
        assertThatThrownBy(() -> Rollup.of(List.of(banner))).isInstanceOf(RollupException.class)
                .hasMessageContaining("UNCLASSIFIED portion");
    }

    @Test
    void nothingToRollUpIsAnError() {
        assertThatThrownBy(() -> Rollup.of(List.of())).isInstanceOf(RollupException.class);
    }

    @Test
    void natoSpecialMarkingsAndCuiWithLegacyControlsFailClosed() {
        assertThatThrownBy(() -> roll(IC, "(//CTS//BOHEMIA//REL TO USA, NATO)"))
                .hasMessageContaining("BOHEMIA");
        assertThatThrownBy(() -> roll(IC, "(CUI);(U//PR)")).hasMessageContaining("CUI");
    }

    @Test
    void theStaticEntryPointsUseTheProfileAsked() {
        List<Marking> ps = List.of(IC.parsePortion("(S//REL TO USA, GBR)").marking(),
                IC.parsePortion("(C)").marking());
        assertThat(MarkingFormatter.banner(Rollup.of(ps))).isEqualTo("SECRET//NOFORN");
        assertThat(MarkingFormatter.banner(Rollup.of(ps, Profile.DOD))).isEqualTo("SECRET");
    }
}
