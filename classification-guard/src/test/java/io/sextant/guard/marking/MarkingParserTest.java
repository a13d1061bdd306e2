package io.sextant.guard.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkingParserTest {

    private final MarkingParser parser = new MarkingParser(
            Vocabulary.defaults().withLocalSciSystems(List.of("123")).withSapPrograms(List.of("BP", "GB")),
            Profile.IC);

    private String portion(String in) {
        return MarkingFormatter.portion(parser.parsePortion(in).marking());
    }

    private String banner(String in) {
        return MarkingFormatter.banner(parser.parseBanner(in).marking());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "(TS//NF)|(TS//NF)",
        "(  ts  //  nf  )|(TS//NF)",
        "(s//noforn/orcon)|(S//OC/NF)",
        "(S//REL TO USA,NZL,CAN)|(S//REL TO USA, CAN, NZL)",
        "(S//REL TO NATO, USA, FRA)|(S//REL TO USA, FRA, NATO)",
        "(TS//SI-XYZ ABC-G WXYZ//OC/NF)|(TS//SI-G WXYZ-XYZ ABC//OC/NF)",
        "(TS//TK/SI/123//NF)|(TS//123/SI/TK//NF)",
        "(CONFIDENTIAL)|(C)",
        "(//FRA C//REL TO USA, FRA)|(//FRA C//REL TO USA, FRA)",
        "(//GBR DEU S)|(//DEU GBR S)",
        "(//FGI TS)|(//FGI TS)",
        "(//NC)|(//NC)",
        "(//NR//REL TO USA, NATO)|(//NR//REL TO USA, NATO)",
        "(//GBR R)|(//GBR R)",
        "(//NSAT)|(//NS//ATOMAL)",
        "(//JOINT C USA CAN//REL TO USA, CAN)|(//JOINT C CAN USA//REL TO USA, CAN)",
        "(U//SBU NOFORN)|(U//SBU-NF)",
        "(U//DS)|(U//DS)",
        "(S//NF//ND)|(S//NF//ND)",
        "(S//DISPLAY ONLY IRQ, AFG)|(S//DISPLAY ONLY AFG, IRQ)",
        "(S//SPECIAL ACCESS REQUIRED-GB/BP//NF)|(S//SAR-BP/GB//NF)",
        "(S//RD-SIGMA 14 2//NF)|(S//RD-SG 2 14//NF)",
        "(S//RESTRICTED DATA//NF)|(S//RD//NF)",
        "(U//DOD UCNI)|(U//DCNI)",
        "(S//FGI GBR DEU//NF)|(S//FGI DEU GBR//NF)",
        "(CUI//PRVCY/SP-LEI//NOFORN)|(CUI//SP-LEI/PRVCY//NF)",
        "(CONTROLLED)|(CUI)",
        "(S//TK-BLUEFISH//NF)|(S//TK-BLFH//NF)",
        "(TS//SI-GAMMA ABCD//OC/NF)|(TS//SI-G ABCD//OC/NF)",
    })
    void portionMarksNormaliseToTheirCanonicalForm(String in, String expected) {
        assertThat(portion(in)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "S//NF|SECRET//NOFORN",
        "top secret//si-g abcd//oc/nf|TOP SECRET//SI-G ABCD//ORCON/NOFORN",
        "SECRET//DSEN|SECRET//DEA SENSITIVE",
        "CONFIDENTIAL//AUTHORIZED FOR RELEASE TO USA, GBR|CONFIDENTIAL//REL TO USA, GBR",
        "SECRET//NOFORN//EXCLUSIVE DISTRIBUTION|SECRET//NOFORN//EXDIS",
        "UNCLASSIFIED//LAW ENFORCEMENT SENSITIVE NOFORN|UNCLASSIFIED//LES NOFORN",
        "//DEU TOP SECRET//REL TO USA, DEU|//DEU TOP SECRET//REL TO USA, DEU",
        "//NATO CONFIDENTIAL|//NATO CONFIDENTIAL",
        "//JOINT SECRET GBR USA//REL TO USA, GBR|//JOINT SECRET GBR USA//REL TO USA, GBR",
        "SECRET//FGI//NOFORN|SECRET//FGI//NOFORN",
        "SECRET//RD-SG 14//NOFORN|SECRET//RD-SIGMA 14//NOFORN",
        "CUI//SP-PRVCY//NF/FEDCON|CUI//SP-PRVCY//NOFORN/FEDCON",
        "TOP SECRET//HCS-PRODUCT ABC//NOFORN|TOP SECRET//HCS-P ABC//NOFORN",
    })
    void bannerLinesNormaliseToTheirCanonicalForm(String in, String expected) {
        assertThat(banner(in)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(TS//123/SI-G ABCD DEFG-MMM AACD//OC/NF)",
        "TOP SECRET//123/SI-G ABCD DEFG-MMM AACD//ORCON/NOFORN",
        "(S//SAR-BP//RD-CNWDI//FGI DEU//REL TO USA, DEU)",
        "SECRET//SAR-BP/GB//RD/FRD-SIGMA 1 14//FGI//NOFORN//NODIS",
        "(//JOINT TS CAN GBR USA//REL TO USA, CAN, GBR)",
        "(CUI//SP-PRVCY//REL TO USA, GBR/AC)",
        "UNCLASSIFIED//FOUO//SBU",
        "(S//RS/IMC/REL TO USA, AUS, FVEY/RELIDO/DSEN/FISA)",
    })
    void canonicalInputFormatsBackToItselfWithoutWarnings(String canonical) {
        ParsedMarking p = parser.parse(canonical);
        assertThat(p.warnings()).isEmpty();
        String again = canonical.startsWith("(") ? MarkingFormatter.portion(p.marking())
                : MarkingFormatter.banner(p.marking());
        assertThat(again).isEqualTo(canonical);
    }

    @Test
    void everyRepairIsReportedAsAWarning() {
        assertThat(parser.parsePortion("(TOP SECRET//NF)").warnings()).singleElement().asString()
                .contains("TOP SECRET");
        assertThat(parser.parseBanner("TS//NF").warnings()).anyMatch(w -> w.contains("spelled out"));
        assertThat(parser.parseBanner("SECRET//NF").warnings()).anyMatch(w -> w.contains("'NF'"));
        assertThat(parser.parsePortion("(S//NOFORN)").warnings()).anyMatch(w -> w.contains("'NOFORN'"));
        assertThat(parser.parsePortion("(S//NF/OC)").warnings()).anyMatch(w -> w.contains("reordered"));
        assertThat(parser.parsePortion("(S//REL TO GBR, USA)").warnings()).anyMatch(w -> w.contains("reordered"));
        assertThat(parser.parsePortion("(TS//EL//NF)").warnings()).anyMatch(w -> w.contains("deprecated"));
        assertThat(parser.parsePortion("( s // nf )").warnings()).isEmpty();
    }

    @Test
    void bareRelIsExpandedFromTheBannerContext() {
        Marking banner = parser.parseBanner("SECRET//REL TO USA, AUS, GBR").marking();
        ParsedMarking p = parser.parsePortion("(S//REL)", banner);
        assertThat(p.marking().releasableTo()).containsExactly("USA", "AUS", "GBR");
        assertThat(p.warnings()).anyMatch(w -> w.contains("bare REL"));
        assertThatThrownBy(() -> parser.parsePortion("(S//REL)", Marking.us(Classification.S)))
                .hasMessageContaining("bare REL");
    }

    @Test
    void noBreakSpacesCountAsSpacing() {
        assertThat(portion("(S\u00A0//\u202FREL TO USA,\u00A0GBR)")).isEqualTo("(S//REL TO USA, GBR)");
    }

    @Test
    void repeatedInputGivesTheSameResultAndRepeatedErrorsStillThrow() {
        ParsedMarking first = parser.parsePortion("(s//nf/oc)");
        assertThat(parser.parsePortion("(s//nf/oc)")).isEqualTo(first);
        assertThat(parser.parseBanner("(s//nf/oc)".replace("(", "").replace(")", "")).marking())
                .isEqualTo(first.marking());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parser.parsePortion("(S//NF//SI)")).isInstanceOf(InvalidMarkingException.class);
        }
    }

    @Test
    void parseAcceptsEitherForm() {
        assertThat(parser.parse(" (S//NF)").marking()).isEqualTo(parser.parse("SECRET//NOFORN").marking());
    }

    @Test
    void sapProgramsOutsideTheLocalRegistryAreRejected() {
        assertThatThrownBy(() -> MarkingParser.defaultParser().parsePortion("(S//SAR-BP)"))
                .isInstanceOf(InvalidMarkingException.class).hasMessageContaining("unknown token BP");
        assertThatThrownBy(() -> MarkingParser.defaultParser().parsePortion("(TS//123//NF)"))
                .hasMessageContaining("unknown token 123");
    }

    @Test
    void theDodProfileRejectsNofornOnForeignInformationAndWarnsOnUsNoforn() {
        MarkingParser dod = new MarkingParser(Vocabulary.defaults(), Profile.DOD);
        assertThatThrownBy(() -> dod.parsePortion("(//DEU S//NF)")).hasMessageContaining("DOD profile");
        assertThat(dod.parsePortion("(S//NF)").warnings()).anyMatch(w -> w.contains("DOD profile"));
        assertThat(parser.parsePortion("(//DEU S//NF)").marking().hasNoforn()).isTrue();
    }

    @Test
    void tokenFormsAreExposedForAccessControl() {
        Marking m = parser.parsePortion("(TS//SI-G ABCD EFGH-XYZ/TK//SAR-BP//RD-SG 14//OC/NF)").marking();
        assertThat(m.sciTokens()).containsExactly("SI", "SI-G", "SI-G-ABCD", "SI-G-EFGH", "SI-XYZ", "TK");
        assertThat(m.sapTokens()).containsExactly("BP");
        assertThat(m.aeaTokens()).containsExactly("RD-SG-14");
    }
}
