package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.audit.H2AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.guard.output.OutputGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The marked corpus, engines, database and analysis service of one test, closed together. */
final class Bench implements AutoCloseable {

    static final Analyst US = new Analyst("alice", MarkedCorpus.US_SECRET, "All-source analyst");
    static final Analyst GBR = new Analyst("bob", MarkedCorpus.GBR_SECRET, "Liaison analyst");

    final Corpus corpus;
    final Engines engines;
    final Database db;
    final H2AuditLog audit;
    final AnalysisService service;

    Bench(Path tmp, Engines.Config config) throws IOException {
        Path data = tmp.resolve("data");
        corpus = MarkedCorpus.ingest(data, tmp.resolve("docs"));
        engines = Engines.open(data, config);
        db = Database.open(new DataDir(data));
        audit = new H2AuditLog(db.dataSource(), Clock.systemUTC());
        service = new AnalysisService(corpus, engines, OutputGuard.defaults(), AchStore.open(db.dataSource()), audit,
                Clock.systemUTC());
    }

    Bench(Path tmp) throws IOException {
        this(tmp, Engines.Config.DEFAULTS);
    }

    /** Every citation names a passage that exists and the analyst may see, with the link to it. */
    void assertCitationsVisible(Analyst analyst, AnalysisReport r) {
        for (Cite c : r.citations()) {
            Evidence e = corpus.passage(analyst.clearance(), c.passageId()).orElse(null);
            assertThat(e).as("cited passage %s is visible to %s", c.passageId(), analyst.username()).isNotNull();
            assertThat(e.documentId()).isEqualTo(c.documentId());
            assertThat(c.link()).isEqualTo("/documents/" + c.documentId() + "?passage=" + c.passageId()
                    + "#passage-" + c.passageId());
        }
        for (AnalysisReport.Paragraph p : r.paragraphs()) {
            assertThat(p.portionMark()).matches("\\(.+\\)");
            p.citations().forEach(n -> assertThat(n).isBetween(1, r.citations().size()));
        }
    }

    /** Nothing of the NOFORN passage reaches a foreign analyst. */
    static void assertNothingHidden(AnalysisReport r) {
        String all = r.render() + r.toJson();
        assertThat(all).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("NOFORN").doesNotContain("//NF")
                .doesNotContain("Fuel trucks");
        assertThat(r.marking()).doesNotContain("NOFORN");
    }

    @Override
    public void close() {
        engines.close();
        corpus.close();
        db.close();
    }
}
