package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.output.Paragraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF export re-read through PDFBox text extraction: banners on every page, marks, citations, authority. */
class PdfExporterTest {

    @TempDir
    Path dir;

    @Test
    void textStartsAndEndsWithTheBannerAndCarriesEveryMarkedLine() throws IOException {
        try (PDDocument pdf = write(DraftFixtures.secretDraft())) {
            List<String> lines = lines(pdf, 1, pdf.getNumberOfPages());
            assertThat(lines.get(0)).isEqualTo(ExpectedExport.BANNER);
            assertThat(lines.get(lines.size() - 1)).isEqualTo(ExpectedExport.BANNER);
            String flat = String.join(" ", lines);
            for (String expected : ExpectedExport.SECRET_LINES) {
                assertThat(flat).contains(expected);
            }
            assertThat(flat.indexOf("(U) Outlook")).isLessThan(flat.indexOf("Classified By: j.analyst, Analyst"));
        }
    }

    @Test
    void longDraftWrapsOntoPagesThatEachCarryTheBannerTopAndBottom() throws IOException {
        String sentence = "Vessel traffic increased again overnight with several unscheduled arrivals [1]. ";
        List<Paragraph> body = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            body.add(Paragraph.of("Paragraph " + i + ": " + sentence.repeat(6) + "Supercalifragilistic".repeat(8),
                    "p-a"));
        }
        MarkedDraft d = DraftFixtures.guarded(List.of("Situation"), List.of(body),
                List.of(List.of(DraftFixtures.cite(1, DraftFixtures.A, "p. 4"))), List.of(DraftFixtures.A),
                "level=S;country=USA");
        try (PDDocument pdf = write(d)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                List<String> lines = lines(pdf, page, page);
                assertThat(lines.get(0)).as("page " + page + " top").isEqualTo(ExpectedExport.BANNER);
                assertThat(lines.get(lines.size() - 1)).as("page " + page + " bottom").isEqualTo(ExpectedExport.BANNER);
            }
            String flat = String.join(" ", lines(pdf, 1, pdf.getNumberOfPages()));
            for (int i = 0; i < 40; i++) {
                assertThat(flat).contains("(S//NF) Paragraph " + i + ": Vessel traffic");
            }
        }
    }

    @Test
    void bodyFontIsEmbeddedAndCharactersItLacksDoNotFailTheExport() throws IOException {
        MarkedDraft d = DraftFixtures.guarded(List.of("Key points"),
                List.of(List.of(Paragraph.of("Порт открыт; café; 港口 reopened [1].", "p-c"))),
                List.of(List.of(DraftFixtures.cite(1, DraftFixtures.C, ""))), List.of(DraftFixtures.C),
                "level=U;country=USA");
        try (PDDocument pdf = write(d)) {
            String flat = String.join(" ", lines(pdf, 1, 1));
            assertThat(flat).contains("(U) Порт открыт; café; ?? reopened [1].").startsWith("UNCLASSIFIED")
                    .endsWith("UNCLASSIFIED").doesNotContain("Classified By");
            boolean embedded = false;
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                embedded |= font.getName().contains("LiberationSans") && font.isEmbedded();
            }
            assertThat(embedded).as("Liberation Sans embedded").isTrue();
        }
    }

    private PDDocument write(MarkedDraft d) throws IOException {
        Path file = dir.resolve("out.pdf");
        new PdfExporter().write(d, file);
        return Loader.loadPDF(file.toFile());
    }

    private static List<String> lines(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return Arrays.stream(stripper.getText(pdf).split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }
}
