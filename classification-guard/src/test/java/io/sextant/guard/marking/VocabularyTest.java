package io.sextant.guard.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir
    Path site;

    @Test
    void defaultsComeFromTheDataFiles() {
        Vocabulary v = Vocabulary.defaults();
        assertThat(v.countries()).hasSizeGreaterThan(240).contains("USA", "GBR", "AFG");
        assertThat(v.members("FVEY")).containsExactlyInAnyOrder("USA", "AUS", "CAN", "GBR", "NZL");
        assertThat(v.members("ACGU")).containsExactlyInAnyOrder("USA", "AUS", "CAN", "GBR");
        assertThat(v.members("TEYE")).containsExactlyInAnyOrder("USA", "AUS", "GBR");
        assertThat(v.expandsInRollup("FVEY")).isTrue();
        assertThat(v.expandsInRollup("NATO")).isFalse();
        assertThat(v.membershipsOf("GBR")).contains("FVEY", "ACGU", "NATO");
        assertThat(v.membershipsOf("NZL")).containsExactly("FVEY");
        assertThat(v.sciSystem("SI").status()).isEqualTo(Vocabulary.Status.PUBLISHED);
        assertThat(v.sciSystem("SI").compartments()).contains("G", "EU", "NK");
        assertThat(v.sciSystem("KDK").status()).isEqualTo(Vocabulary.Status.DEPRECATED);
        assertThat(v.sciSystem("123")).isNull();
        assertThat(v.sapPrograms()).isEmpty();
        assertThat(v.isCuiCategory("PRVCY")).isTrue();
        assertThat(v.sciTitles()).containsEntry("TALENT KEYHOLE", "TK");
    }

    @Test
    void siteFilesAddToTheDefaults() throws IOException {
        Files.writeString(site.resolve("local-registry.tsv"), "# site\nSCI\t123\nSAP\tBP\tBUTTER POPCORN\n");
        Files.writeString(site.resolve("tetragraphs.tsv"), "NATO\tno\tUSA GBR\tshort list\nCOAL\tno\tUSA FRA\n");
        Files.writeString(site.resolve("countries.tsv"), "XKS\tKosovo (site code)\n");
        Vocabulary v = Vocabulary.load(site);
        assertThat(v.sciSystem("123").status()).isEqualTo(Vocabulary.Status.LOCAL);
        assertThat(v.isSapProgram("BP")).isTrue();
        assertThat(v.members("NATO")).containsExactlyInAnyOrder("USA", "GBR");
        assertThat(v.membershipsOf("FRA")).containsExactly("COAL");
        assertThat(v.isCountry("XKS")).isTrue();
        MarkingParser p = new MarkingParser(v, Profile.IC);
        assertThat(MarkingFormatter.portion(p.parsePortion("(TS//123//SAR-BP//REL TO USA, XKS, COAL)").marking()))
                .isEqualTo("(TS//123//SAR-BP//REL TO USA, XKS, COAL)");
    }

    @Test
    void aMissingSiteDirectoryIsAnError() {
        assertThatThrownBy(() -> Vocabulary.load(site.resolve("nope")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("nope");
    }

    @Test
    void aMalformedSiteFileNamesFileAndLine() throws IOException {
        Files.writeString(site.resolve("local-registry.tsv"), "SCI\t123\nXYZ\tABC\n");
        assertThatThrownBy(() -> Vocabulary.load(site))
                .hasMessageContaining("local-registry.tsv line 2").hasMessageContaining("SCI or SAP");
    }
}
