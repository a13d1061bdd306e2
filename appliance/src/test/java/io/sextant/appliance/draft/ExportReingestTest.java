package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.marking.MarkedBlock;
import io.sextant.ingest.marking.MarkingAnalysis;
import io.sextant.ingest.marking.MarkingAnalyzer;
import io.sextant.ingest.marking.MarkingSource;
import io.sextant.ingest.tika.TikaTextExtractor;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An exported product goes back into the corpus through the real ingest path (Tika, then ingest's marking analysis)
 * with the same banner and portion marks: an analyst's finished product is never re-ingested lower than it was
 * marked, and the guard-computed marks are what ingest reads.
 */
class ExportReingestTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"md", "docx", "pdf"})
    void exportReadsBackThroughIngestWithTheGuardsMarkings(String format) throws IOException {
        MarkedDraft draft = DraftFixtures.secretDraft();
        Path file = dir.resolve("sitrep." + format);
        DraftExporter.forFormat(format).write(draft, file);

        Extraction extraction = new TikaTextExtractor(ExtractionLimits.DEFAULTS, false).extract(file);
        assertThat(extraction.failure()).as(extraction.detail()).isNull();
        MarkingAnalysis analysis = new MarkingAnalyzer(MarkingParser.defaultParser())
                .analyze(extraction.parts().get(0).blocks(), Marking.UNCLASSIFIED, MarkingSource.SYSTEM_HIGH);

        assertThat(analysis.marked()).isTrue();
        assertThat(analysis.reviewFlags()).isEmpty();
        assertThat(MarkingFormatter.banner(analysis.document())).isEqualTo(ExpectedExport.BANNER);
        assertThat(markingOf(analysis, "Shipments through the harbour rose sharply")).isEqualTo("(S//NF)");
        assertThat(markingOf(analysis, "Port activity was otherwise moderate")).isEqualTo("(U)");
        assertThat(markingOf(analysis, "Cranes idle by day")).isEqualTo("(U)");
        assertThat(markingOf(analysis, "Liaison report B, 2.3 Logistics")).isEqualTo("(C//REL TO USA, GBR)");
    }

    private static String markingOf(MarkingAnalysis analysis, String text) {
        return analysis.blocks().stream().filter(b -> b.block().text().replaceAll("\\s+", " ").contains(text))
                .map(MarkedBlock::marking).map(MarkingFormatter::portion).findFirst()
                .orElseThrow(() -> new AssertionError("no block contains '" + text + "' in " + analysis.blocks()));
    }
}
