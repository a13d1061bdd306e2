package io.sextant.guard.ism;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsmAttributesTest {

    private static final MarkingParser PARSER = new MarkingParser(
            Vocabulary.defaults().withSapPrograms(List.of("BP")), Profile.IC);

    private static Map<String, String> ism(String marking) {
        Marking m = PARSER.parse(marking).marking();
        return IsmAttributes.of(m);
    }

    @Test
    void usSciPortionCarriesHyphenTokensAndIsmDissemTokens() {
        assertThat(ism("(TS//SI-G ABCD//OC/NF)")).containsExactly(Map.entry("classification", "TS"),
                Map.entry("ownerProducer", "USA"), Map.entry("SCIcontrols", "SI SI-G SI-G-ABCD"),
                Map.entry("disseminationControls", "OC NF"));
    }

    @Test
    void relToBecomesRelPlusTheCountryList() {
        assertThat(ism("(S//IMC/REL TO USA, AUS, CAN, GBR, NZL)")).containsExactly(
                Map.entry("classification", "S"), Map.entry("ownerProducer", "USA"),
                Map.entry("disseminationControls", "IMC REL"), Map.entry("releasableTo", "USA AUS CAN GBR NZL"));
        assertThat(ism("(S//DISPLAY ONLY AFG, IRQ)")).containsEntry("disseminationControls", "DISPLAYONLY")
                .containsEntry("displayOnlyTo", "AFG IRQ");
    }

    @Test
    void foreignNatoAndJointOwnersAreOwnerProducers() {
        assertThat(ism("(//DEU S//REL TO USA, DEU)")).containsEntry("classification", "S")
                .containsEntry("ownerProducer", "DEU").containsEntry("releasableTo", "USA DEU");
        assertThat(ism("(//FGI S)")).containsEntry("ownerProducer", "FGI");
        assertThat(ism("//NATO RESTRICTED")).containsEntry("classification", "R").containsEntry("ownerProducer",
                "NATO");
        assertThat(ism("(//CTS//BOHEMIA//REL TO USA, NATO)")).containsEntry("classification", "TS")
                .containsEntry("nonUSControls", "BOHEMIA");
        assertThat(ism("(//JOINT S GBR USA//REL TO USA, GBR)")).containsEntry("ownerProducer", "GBR USA")
                .containsEntry("joint", "true");
    }

    @Test
    void commingledFgiSapAeaAndNonIcMarkings() {
        assertThat(ism("SECRET//FGI DEU GBR//REL TO USA, DEU, GBR")).containsEntry("FGIsourceOpen", "DEU GBR");
        assertThat(ism("SECRET//FGI//NOFORN")).containsEntry("FGIsourceProtected", "FGI")
                .doesNotContainKey("FGIsourceOpen");
        assertThat(ism("(S//SAR-BP//RD-SG 14//NF)")).containsEntry("SARIdentifier", "SAR-BP")
                .containsEntry("atomicEnergyMarkings", "RD-SG-14");
        assertThat(ism("SECRET//NOFORN//NODIS")).containsEntry("nonICmarkings", "ND");
        assertThat(ism("(U//LES-NF)")).containsEntry("nonICmarkings", "LES-NF");
    }

    @Test
    void keysFollowTheDocumentedOrderAndRenderAsXmlAttributes() {
        Marking m = PARSER.parse("(S//NF)").marking();
        assertThat(IsmAttributes.NAMES).containsSubsequence(List.copyOf(IsmAttributes.of(m).keySet()));
        assertThat(IsmAttributes.xml(m)).isEqualTo(
                "ism:classification=\"S\" ism:ownerProducer=\"USA\" ism:disseminationControls=\"NF\"");
    }
}
