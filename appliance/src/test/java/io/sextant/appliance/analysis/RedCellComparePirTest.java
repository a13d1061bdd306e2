package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.corpus.Scope;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.StoredDocument;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedCellComparePirTest {

    @TempDir
    Path tmp;

    static final String PLAN = """
            The convoy will stay south of Route 7 and the border crossing will remain quiet.
            Our escort exercise near the harbor will continue for two more weeks.
            """;

    @Test
    void red_cell_argues_failures_assumptions_and_indicators_with_citations() throws Exception {
        try (Bench b = new Bench(tmp)) {
            AnalysisReport us = b.service.redCell(Bench.US, PLAN, Scope.ALL, null);
            assertThat(us.section("ways it may fail")).isNotEmpty();
            assertThat(us.section("key assumptions")).isNotEmpty();
            assertThat(us.section("indicators")).anySatisfy(i -> assertThat(i.citations()).isNotEmpty());
            assertThat(us.marking()).isEqualTo("SECRET//NOFORN");
            assertThat(us.render()).contains("Classified By: alice");
            b.assertCitationsVisible(Bench.US, us);

            AnalysisReport gbr = b.service.redCell(Bench.GBR, PLAN, Scope.ALL, null);
            Bench.assertNothingHidden(gbr);
            b.assertCitationsVisible(Bench.GBR, gbr);
        }
    }

    @Test
    void compare_reports_changed_added_and_removed_facts_citing_both_documents() throws Exception {
        try (Bench b = new Bench(tmp)) {
            Path v2 = tmp.resolve("v2");
            Files.createDirectories(v2);
            Files.writeString(v2.resolve("harbor-report-v2.txt"), """
                    UNCLASSIFIED

                    (U) The frigate left the harbor at noon and headed north; commercial traffic in the harbor was normal.

                    (U) Two submarines were probably preparing to sail from the northern pier.

                    UNCLASSIFIED
                    """);
            b.corpus.ingest(List.of(v2), new IngestRequest("ops", MarkingParser.defaultParser().parsePortion("(U)")
                    .marking(), null), ProgressListener.NONE);
            List<StoredDocument> docs = b.corpus.documents(MarkedCorpus.US_SECRET);
            String harbor = id(docs, "harbor-report.txt");
            String harbor2 = id(docs, "harbor-report-v2.txt");
            String convoy = id(docs, "convoy-report.txt");

            AnalysisReport r = b.service.compare(Bench.GBR, harbor, harbor2, null);
            assertThat(r.section("changed")).singleElement().satisfies(c -> {
                assertThat(c.text()).contains("dawn").contains("noon");
                assertThat(c.citations()).hasSize(2);
            });
            assertThat(r.section("added")).singleElement().satisfies(c -> assertThat(c.fields())
                    .containsEntry("kind", "judgement"));
            assertThat(r.section("removed")).singleElement().satisfies(c -> assertThat(c.text())
                    .contains("escort exercise"));
            assertThat(r.marking()).isEqualTo("UNCLASSIFIED");
            b.assertCitationsVisible(Bench.GBR, r);
            assertThat(r.citations()).extracting(Cite::documentId).contains(harbor, harbor2);

            AnalysisReport us = b.service.compare(Bench.US, convoy, harbor, null);
            assertThat(us.marking()).isEqualTo("SECRET//NOFORN");
            assertThatThrownBy(() -> b.service.compare(Bench.GBR, convoy, harbor, null))
                    .isInstanceOf(AnalysisException.class).hasMessage("no such document");
        }
    }

    @Test
    void pir_support_groups_duplicates_flags_answered_requirements_and_proposes_new_ones() throws Exception {
        try (Bench b = new Bench(tmp)) {
            List<String> reqs = List.of("Did the frigate leave the harbor at dawn?",
                    "Has the frigate left the harbor at dawn heading south?",
                    "What air defence systems are deployed near the capital?");
            AnalysisReport us = b.service.pir(Bench.US, "convoy movements on Route 7", reqs, 48, Scope.ALL, null);
            List<AnalysisReport.Paragraph> triage = us.section("triage");
            assertThat(triage).hasSize(3);
            assertThat(triage.get(0).fields()).containsEntry("status", "answered").containsEntry("group", 1);
            assertThat(triage.get(0).citations()).isNotEmpty();
            assertThat(triage.get(1).fields()).containsEntry("group", 1);
            assertThat(triage.get(2).fields()).containsEntry("status", "open").containsEntry("group", 3);
            assertThat(us.section("proposed PIRs")).isNotEmpty().allSatisfy(p -> {
                assertThat(p.text()).contains("LTIOV");
                assertThat(p.citations()).isNotEmpty();
            });
            assertThat(us.section("indicators")).isNotEmpty();
            assertThat(us.section("SIRs")).isNotEmpty();
            b.assertCitationsVisible(Bench.US, us);
            assertThat(us.marking()).isEqualTo("SECRET//NOFORN");

            AnalysisReport gbr = b.service.pir(Bench.GBR, "convoy movements on Route 7", reqs, 48, Scope.ALL, null);
            Bench.assertNothingHidden(gbr);
            assertThat(gbr.render()).doesNotContain("Guards Brigade");
            b.assertCitationsVisible(Bench.GBR, gbr);
        }
    }

    private static String id(List<StoredDocument> docs, String name) {
        return docs.stream().filter(d -> d.toString().contains(name)).findFirst().orElseThrow().id() + "";
    }
}
