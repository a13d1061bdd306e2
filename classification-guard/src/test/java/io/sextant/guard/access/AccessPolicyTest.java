package io.sextant.guard.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    private static final Vocabulary VOCAB = Vocabulary.defaults().withSapPrograms(List.of("BP"));
    private static final MarkingParser PARSER = new MarkingParser(VOCAB, Profile.IC);

    private static AccessDecision decide(String portion, String clearance) {
        return AccessPolicy.decide(Clearance.parse(clearance, VOCAB), portion, PARSER);
    }

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // 1 level
        "(S)|level=S;country=USA|ALLOW|",
        "(S)|level=TS;country=USA|ALLOW|",
        "(TS)|level=S;country=USA|DENY|above the clearance level",
        "(//CTS//REL TO USA, NATO)|level=S;country=USA;nato=true|DENY|above the clearance",
        "(//GBR R)|level=U;country=USA|DENY|above the clearance",
        // 2 SCI/SAP: every token, no hierarchy
        "(TS//SI//NF)|level=TS;sci=SI;country=USA|ALLOW|",
        "(TS//SI-G//OC/NF)|level=TS;sci=SI;country=USA|DENY|SI-G",
        "(TS//SI-G ABCD//OC/NF)|level=TS;sci=SI,SI-G;country=USA|DENY|SI-G-ABCD",
        "(TS//SI-G ABCD//OC/NF)|level=TS;sci=SI,SI-G,SI-G-ABCD;country=USA|ALLOW|",
        "(TS//SI-G ABCD//OC/NF)|level=TS;sci=SI-G-ABCD;country=USA|DENY|no access to SCI control SI",
        "(S//SI/TK//NF)|level=S;sci=SI;country=USA|DENY|TK",
        "(S//SAR-BP//NF)|level=S;country=USA|DENY|SAP BP",
        "(S//SAR-BP//NF)|level=S;sap=BP;country=USA|ALLOW|",
        // 3 AEA
        "(S//RD//NF)|level=S;country=USA|DENY|Atomic Energy Act",
        "(S//RD//NF)|level=S;aea=RD;country=USA|ALLOW|",
        "(S//RD-CNWDI//NF)|level=S;aea=RD-CNWDI;country=USA|DENY|RD",
        "(S//RD-CNWDI//NF)|level=S;aea=RD,RD-CNWDI;country=USA|ALLOW|",
        "(S//RD-SG 14//NF)|level=S;aea=RD,RD-SG-15;country=USA|DENY|RD-SG-14",
        "(S//TFNI//NF)|level=S;aea=TFNI;country=USA|ALLOW|",
        "(U//DCNI)|level=U;country=USA|ALLOW|",
        // 4 FD&R for non-US users
        "(S//NF)|level=TS;country=GBR|DENY|NOFORN",
        "(U//LES-NF)|level=TS;country=GBR|DENY|NOFORN",
        "(S//NF//XD)|level=TS;country=GBR|DENY|NOFORN",
        "(S//REL TO USA, GBR)|level=S;country=GBR|ALLOW|",
        "(S//REL TO USA, FVEY)|level=S;country=NZL|ALLOW|",
        "(S//REL TO USA, ACGU)|level=S;country=NZL|DENY|REL TO",
        "(S//REL TO USA, NATO)|level=S;country=FRA|ALLOW|",
        "(S//REL TO USA, ISAF)|level=S;country=FRA|DENY|REL TO",
        "(S//REL TO USA, ISAF)|level=S;country=FRA;orgs=ISAF|ALLOW|",
        "(S//REL TO USA, GBR)|level=S;country=USA,FRA|DENY|FRA",
        "(S//REL TO USA, GBR)|level=S;country=USA,GBR|ALLOW|",
        "(S//DISPLAY ONLY AFG)|level=S;country=AFG|ALLOW|",
        "(S//DISPLAY ONLY AFG)|level=S;country=AFG;action=release|DENY|not release",
        "(S//DISPLAY ONLY AFG)|level=S;country=IRQ|DENY|DISPLAY ONLY",
        "(S//REL TO USA, GBR/DISPLAY ONLY AFG)|level=S;country=GBR;action=release|ALLOW|",
        "(S//RELIDO)|level=S;country=GBR|DENY|RELIDO",
        "(S//REL TO USA, GBR/RELIDO)|level=S;country=GBR|ALLOW|",
        "(C)|level=TS;country=GBR|DENY|handled as NOFORN",
        "(//DEU U)|level=U;country=DEU|DENY|foreign government information",
        "(//DEU S//REL TO USA, DEU)|level=S;country=DEU|ALLOW|",
        "(U)|level=U;country=FRA|ALLOW|",
        "(U//FOUO)|level=U;country=GBR|DENY|unclassified with controls",
        "(U//FOUO)|level=U;country=USA|ALLOW|",
        "(CUI//SP-PRVCY)|level=U;country=GBR|DENY|unclassified with controls",
        "(CUI//SP-PRVCY//REL TO USA, GBR)|level=U;country=GBR|ALLOW|",
        // 5 originator and handling controls block release, not view
        "(S//OC/NF)|level=S;country=USA|ALLOW|",
        "(S//OC/NF)|level=S;country=USA;action=release|DENY|ORCON",
        "(S//OC/NF)|level=S;country=USA;action=release;orcon=true|ALLOW|",
        "(S//PR/NF)|level=S;country=USA;action=release|DENY|PROPIN",
        "(S//IMC/NF)|level=S;country=USA;action=release|DENY|IMCON",
        "(S//FISA)|level=S;country=USA;action=release|DENY|FISA",
        "(S//DSEN)|level=S;country=USA;action=release|DENY|DEA SENSITIVE",
        "(S//OC-USGOV/NF)|level=S;country=USA;action=release|DENY|ORCON-USGOV",
        // 6 NATO briefing
        "(//NS//REL TO USA, NATO)|level=S;country=USA|DENY|NATO briefing",
        "(//NS//REL TO USA, NATO)|level=S;country=USA;nato=true|ALLOW|",
        "(//NS//REL TO USA, NATO)|level=S;country=DEU;nato=true|ALLOW|",
        "(S//FGI NATO//REL TO USA, NATO)|level=S;country=USA|DENY|NATO briefing",
        "(//NR)|level=C;country=USA|DENY|NATO briefing",
        "(//NU)|level=U;country=USA|ALLOW|",
        // fail closed on garbage
        "(S//NF/REL TO USA, GBR)|level=TS;country=USA|DENY|invalid marking",
        "garbage|level=TS;country=USA|DENY|invalid marking",
        "(S//ZZTOP)|level=TS;country=USA|DENY|invalid marking",
        "()|level=TS;country=USA|DENY|invalid marking",
    })
    void eachRuleOfSpecSection52(String portion, String clearance, String decision, String reason) {
        AccessDecision d = decide(portion, clearance);
        assertThat(d.toString()).startsWith(decision);
        if (reason != null) {
            assertThat(((AccessDecision.Deny) d).reason()).contains(reason);
        }
    }

    @Test
    void missingInputsAreDenied() {
        Clearance c = Clearance.parse("level=TS;country=USA", VOCAB);
        assertThat(AccessPolicy.decide(c, (io.sextant.guard.marking.Marking) null).allowed()).isFalse();
        assertThat(AccessPolicy.decide(null, PARSER.parsePortion("(U)").marking()).allowed()).isFalse();
        assertThat(AccessPolicy.decide(c, (String) null).allowed()).isFalse();
    }

    @Test
    void aDocumentIsVisibleOnlyWhenEveryPortionIs() {
        Clearance gbr = Clearance.parse("level=S;country=GBR", VOCAB);
        var open = PARSER.parsePortion("(S//REL TO USA, GBR)").marking();
        var closed = PARSER.parsePortion("(C//NF)").marking();
        assertThat(AccessPolicy.decideAll(gbr, List.of(open, open)).allowed()).isTrue();
        assertThat(AccessPolicy.decideAll(gbr, List.of(open, closed)).toString()).startsWith("DENY: portion 2: ");
        assertThat(AccessPolicy.decideAll(gbr, List.of()).allowed()).isFalse();
    }

    @Test
    void decisionsSwitchExhaustively() {
        AccessDecision d = AccessPolicy.decide(Clearance.parse("level=U;country=USA", VOCAB), "(S)");
        String text = switch (d) {
            case AccessDecision.Allow a -> "allow";
            case AccessDecision.Deny deny -> deny.reason();
        };
        assertThat(text).contains("above the clearance level");
    }
}
