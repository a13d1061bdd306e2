package io.sextant.guard.marking;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejection names the reason and the 0-based position of the offending character. */
class MarkingRejectionTest {

    private final MarkingParser parser = MarkingParser.defaultParser();

    @ParameterizedTest(name = "{0}: {1} at {2}")
    @CsvSource(delimiter = '|', value = {
        // malformed
        "''|empty marking|0",
        "'   '|empty marking|0",
        "(  )|empty portion mark|1",
        "(S//NF|unbalanced parentheses: missing ')'|6",
        "((S))|unbalanced parentheses|1",
        "(S)(C)|more than one portion mark|3",
        "(S) x|unexpected text after ')'|4",
        "SECRET)|parentheses are not part of a banner line|6",
        "SECRET//|empty category between //|8",
        "SECRET////NOFORN|empty category between //|8",
        "(S//NF/)|empty value next to /|6",
        "(S//NF//SI)|category order violated (SCI must precede dissemination controls)|8",
        "SECRET//NOFORN//TK|category order violated (SCI must precede dissemination controls)|16",
        "(S//NF//FGI DEU)|category order violated (FGI must precede dissemination controls)|8",
        "(S//NF//OC)|category order violated (dissemination controls appear twice|8",
        "(S//NF/SI)|SCI value SI inside dissemination controls|7",
        "(S//S)|duplicate/second classification token S|4",
        "(S//TOP SECRET)|duplicate/second classification token|4",
        "SECRET NOFORN|unexpected token NOFORN after classification|7",
        "(NF)|marking must begin with a classification|1",
        "(X//NF)|unknown token X|1",
        "(S//ZZTOP)|unknown token ZZTOP|4",
        "(S//NF/ZZTOP)|unknown token ZZTOP|7",
        "(S//REL TO USA, XYZ)|unknown token XYZ|16",
        "(S//REL TO USA, GBR, GBR)|duplicate token GBR|21",
        "(S//NF/NF)|duplicate token|7",
        "(S//REL TO USA)|REL TO requires at least one code besides USA|4",
        "(S//REL TO GBR)|REL TO list must begin with USA|4",
        "(S//REL TO)|REL TO needs a list of codes|10",
        "(S//REL)|bare REL portion mark needs banner REL TO context|4",
        "SECRET//REL|bare REL portion mark needs banner REL TO context|8",
        "(S//EYES)|retired|4",
        "(R)|RESTRICTED is not a US classification level|1",
        "(NS)|NATO classification must start with //|1",
        "(//USA S)|USA cannot be listed with foreign owners|3",
        "(//ZZZ S)|unknown token ZZZ|3",
        "(//DEU Q)|unknown token Q|7",
        "(S//ECI ABC//NF)|type indicator ECI is not allowed|4",
        "(TS//SI-ABCDEFG//OC/NF)|longer than 6 characters|8",
        "(TS//FGH//NF)|unknown token FGH|5",
        "(S//SAR-ZZ)|unknown token ZZ|4",
        "(CUI//NOPE)|not a CUI category|6",
        "(S//S\u00e9)|unexpected character U+00E9|5",
        // SPEC 3.4 constraints
        "(S//NF/REL TO USA, GBR)|NOFORN cannot be used with REL TO|7",
        "(S//NF/RELIDO)|NOFORN cannot be used with RELIDO|7",
        "(S//NF/DISPLAY ONLY AFG)|DISPLAY ONLY cannot be used with NOFORN|7",
        "(S//RELIDO/DISPLAY ONLY AFG)|DISPLAY ONLY cannot be used with RELIDO|4",
        "(U//OC)|ORCON requires a classified level|4",
        "(U//OC-USGOV)|ORCON-USGOV requires a classified level|4",
        "(S//OC/OC-USGOV)|ORCON and ORCON-USGOV may not be used together|7",
        "(S//OC/RELIDO)|ORCON may not be used with RELIDO|7",
        "(S//FOUO)|FOUO only valid with UNCLASSIFIED|4",
        "(C//RS)|RSEN requires SECRET or TOP SECRET|4",
        "(C//IMC)|IMCON requires SECRET or TOP SECRET|4",
        "(U//SI)|SCI control requires a classified level|4",
        "(C//TK)|TK requires SECRET or TOP SECRET|4",
        "(S//SI-G//OC/NF)|SI-G valid only with TOP SECRET|7",
        "(S//SI-EU//NF)|SI-EU valid only with TOP SECRET|7",
        "(TS//SI-G//NF)|SI-G requires ORCON|8",
        "(S//HCS-P//REL TO USA, GBR)|HCS requires NOFORN|4",
        "(TS//HCS-O//NF)|HCS-O requires ORCON and NOFORN|9",
        "(TS//HCS-O//OC-USGOV/NF)|HCS-O requires ORCON and NOFORN|9",
        "(S//HCS-P ABC//NF)|HCS-P sub-compartments valid only with TOP SECRET|8",
        "(TS//RSV//NF)|RESERVE requires a compartment|5",
        "(TS//RSV-ABCD//NF)|RESERVE compartments have at most 3 characters|9",
        "(S//XD)|EXDIS requires NOFORN|4",
        "(S//ND)|NODIS requires NOFORN|4",
        "(S//NF//XD/ND)|EXDIS and NODIS may not be used together|8",
        "(S//LES)|LES is valid only on an UNCLASSIFIED portion|4",
        "(C//SBU)|SBU is valid only on an UNCLASSIFIED portion|4",
        "(S//DS)|LIMDIS is valid only on an UNCLASSIFIED portion|4",
        "(U//REL TO USA, GBR//LES-NF)|LES NOFORN cannot be used with REL TO|4",
        "(U//SBU/SBU-NF)|SBU and SBU NOFORN may not be used together|4",
        "(//JOINT S GBR USA//NF)|JOINT requires REL TO and may not carry NOFORN|20",
        "(//JOINT S GBR USA)|JOINT requires REL TO and may not carry NOFORN|3",
        "(//JOINT S GBR USA//REL TO USA, AUS)|JOINT requires REL TO covering co-owner GBR|20",
        "(//JOINT TS GBR USA//HCS//REL TO USA, GBR)|JOINT may not carry HCS|21",
        "(//JOINT R GBR USA//REL TO USA, GBR)|JOINT may not carry RESTRICTED|9",
        "(//JOINT S GBR DEU//REL TO USA, GBR, DEU)|JOINT co-owners must include USA|11",
        "(//DEU S//RELIDO)|RELIDO may not be used on a portion containing FGI|10",
        "(S//FGI DEU//DISPLAY ONLY AFG)|DISPLAY ONLY may not be used on a portion containing FGI|13",
        "(S//DISPLAY ONLY USA, AFG)|DISPLAY ONLY lists foreign countries only|4",
        "(U//RD)|RD requires a classified level|4",
        "(C//RD-CNWDI)|RD-CNWDI requires SECRET or TOP SECRET|4",
        "(S//DCNI)|DOD UCNI marks unclassified information only|4",
        "(//DEU S//SI)|SCI are not part of a non-US marking|10",
        "(S//ATOMAL)|NATO special markings are not part of a US marking|4",
        "(CUI//SP-PRVCY//OC)|OC is not a CUI limited dissemination control|16",
        "(CUI//SP-PRVCY//NF/OC)|OC is not a CUI limited dissemination control|19",
    })
    void invalidMarkingsAreRejectedWithReasonAndPosition(String input, String reason, int position) {
        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(InvalidMarkingException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidMarkingException) e).position())
                        .isEqualTo(position))
                .hasMessageEndingWith(" at position " + position);
    }
}
