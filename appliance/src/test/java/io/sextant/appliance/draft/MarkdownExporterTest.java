package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown export re-read from disk: banner lines first and last, portion marks, citations, authority block. */
class MarkdownExporterTest {

    @TempDir
    Path dir;

    @Test
    void fileStartsAndEndsWithTheBannerAndMarksEveryParagraph() throws IOException {
        Path file = dir.resolve("sitrep.md");
        DraftExporter.forFormat("md").write(DraftFixtures.secretDraft(), file);

        List<String> all = Files.readAllLines(file);
        assertThat(all.get(0)).isEqualTo(ExpectedExport.BANNER);
        assertThat(all.get(all.size() - 1)).isEqualTo(ExpectedExport.BANNER);
        List<String> lines = all.stream().filter(l -> !l.isBlank()).map(l -> l.replaceFirst("^#+ ", "")).toList();
        assertThat(lines).containsExactlyElementsOf(ExpectedExport.SECRET_LINES);
        ExpectedExport.assertSecretExport(lines);
    }

    @Test
    void headingsAreMarkdownHeadingsAndPortionsAreSeparateParagraphs() throws IOException {
        String md = Files.readString(write(DraftFixtures.secretDraft()));
        assertThat(md).contains("\n# (S//NF) Situation report (SITREP): Harbour activity at Port X\n\n")
                .contains("\n## (U) Threat / adversary activity\n\n")
                .contains("\n\n(S//NF) Both reports agree on the timing [1][2].\n\n- (U) Convoys seen at night [3]\n\n")
                .contains("\nSources:\n\n1. Harbour report A, dated 2020-01-01 (S//NF); Declassify On: 20401231\n2. ")
                .endsWith("\n\n" + ExpectedExport.BANNER + "\n");
    }

    @Test
    void unclassifiedProductHasUnclassifiedBannersAndNoAuthorityBlock() throws IOException {
        List<String> lines = Files.readAllLines(write(DraftFixtures.unclassifiedDraft()));
        assertThat(lines.get(0)).isEqualTo("UNCLASSIFIED");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("UNCLASSIFIED");
        assertThat(lines).contains("(U) The port reopened [1].", "(U) [1] Press summary C, p. 1 (document doc-p-c,"
                + " passage p-c)").noneMatch(l -> l.startsWith("Classified By"));
    }

    private Path write(MarkedDraft d) throws IOException {
        Path file = dir.resolve("out.md");
        new MarkdownExporter().write(d, file);
        return file;
    }
}
