package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.output.Paragraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOCX export re-read through POI: banners in body, header and footer, coloured; marks, citations, authority. */
class DocxExporterTest {

    @TempDir
    Path dir;

    @Test
    void bodyStartsAndEndsWithTheBannerAndEveryParagraphOpensWithItsMark() throws IOException {
        try (XWPFDocument doc = write(DraftFixtures.secretDraft())) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsExactlyElementsOf(ExpectedExport.SECRET_LINES);
            ExpectedExport.assertSecretExport(paragraphs);
        }
    }

    @Test
    void everyPageHeaderAndFooterCarriesTheBannerOnItsLevelsColour() throws IOException {
        try (XWPFDocument doc = write(DraftFixtures.secretDraft())) {
            XWPFParagraph header = doc.getHeaderList().get(0).getParagraphs().get(0);
            XWPFParagraph footer = doc.getFooterList().get(0).getParagraphs().get(0);
            XWPFParagraph first = doc.getParagraphs().get(0);
            XWPFParagraph last = doc.getParagraphs().get(doc.getParagraphs().size() - 1);
            for (XWPFParagraph p : List.of(header, footer, first, last)) {
                assertThat(p.getText()).isEqualTo(ExpectedExport.BANNER);
                assertThat(fill(p)).as("SECRET is red, as in the web UI").isEqualTo("C8102E");
                assertThat(p.getRuns().get(0).getColor()).isEqualTo("FFFFFF");
            }
            assertThat(doc.getHeaderList()).hasSize(1);
            assertThat(doc.getFooterList()).hasSize(1);
        }
    }

    @Test
    void unclassifiedProductIsGreenWithoutAuthorityBlockAndReadableByAWordExtractor() throws IOException {
        try (XWPFDocument doc = write(DraftFixtures.unclassifiedDraft());
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(fill(doc.getParagraphs().get(0))).isEqualTo("007A33");
            String text = extractor.getText();
            assertThat(text.strip()).startsWith("UNCLASSIFIED").endsWith("UNCLASSIFIED");
            assertThat(text).contains("(U) The port reopened [1].").doesNotContain("Classified By");
        }
    }

    @Test
    void controlCharactersAModelMightEmitNeitherBreakTheFileNorReachIt() throws IOException {
        MarkedDraft d = DraftFixtures.guarded(List.of("Key points"),
                List.of(List.of(Paragraph.of("Bell\u0007 and\tnull\u0000 [1].", "p-c"))),
                List.of(List.of(DraftFixtures.cite(1, DraftFixtures.C, ""))), List.of(DraftFixtures.C),
                "level=U;country=USA");
        try (XWPFDocument doc = write(d)) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("(U) Bell and null [1].");
        }
    }

    private XWPFDocument write(MarkedDraft d) throws IOException {
        Path file = dir.resolve("out.docx");
        DraftExporter.forFormat("DOCX").write(d, file);
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    private static String fill(XWPFParagraph p) {
        return p.getCTP().getPPr().getShd().xgetFill().getStringValue();
    }
}
