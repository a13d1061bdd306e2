package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.corpus.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AchTest {

    @TempDir
    Path tmp;

    static final List<String> HYPOTHESES = List.of(
            "The convoy movement along Route 7 is a sustained deployment toward the border.",
            "The convoy movement is an exercise that ended on schedule.",
            "The frigate did not leave the harbor.");

    @Test
    void the_matrix_rates_every_hypothesis_against_cited_evidence_and_highlights_the_least_inconsistent()
            throws Exception {
        try (Bench b = new Bench(tmp)) {
            AnalysisReport r = b.service.ach(Bench.US, HYPOTHESES, Scope.ALL, null);
            assertThat(r.id()).isNotBlank();
            int columns = r.section("evidence").size();
            assertThat(columns).isPositive();
            assertThat(r.section("cells")).hasSize(3 * columns).allSatisfy(c -> {
                assertThat(Ach.RATINGS).contains((String) c.fields().get("rating"));
                assertThat(c.citations()).hasSize(1);
            });
            assertThat(r.section("hypotheses")).hasSize(3);
            assertThat(r.section("hypotheses").stream().filter(h -> Boolean.TRUE.equals(h.fields().get("least"))))
                    .hasSize(1);
            assertThat(r.marking()).isEqualTo("SECRET//NOFORN");
            assertThat(r.render()).contains(MarkedCorpus.HIDDEN_FACT.split(" ")[0]);
            assertThat(r.authority()).anySatisfy(l -> assertThat(l).contains("alice"));
            b.assertCitationsVisible(Bench.US, r);
            // the frigate hypothesis negates what the harbor report says
            assertThat(r.section("cells").stream().filter(c -> c.fields().get("hypothesis").equals(3))
                    .map(c -> c.fields().get("rating"))).contains("inconsistent");
        }
    }

    @Test
    void the_analyst_edits_a_cell_and_the_matrix_is_rescored_and_kept_for_them_alone() throws Exception {
        try (Bench b = new Bench(tmp)) {
            AnalysisReport r = b.service.ach(Bench.US, HYPOTHESES, Scope.ALL, null);
            AnalysisReport e = b.service.achEdit(Bench.US, r.id(), 1, 1, "inconsistent", null);
            AnalysisReport.Paragraph cell = e.section("cells").getFirst();
            assertThat(cell.fields()).containsEntry("rating", "inconsistent").containsEntry("edited", true);
            assertThat(b.service.achView(Bench.US, r.id()).section("cells").getFirst().fields())
                    .containsEntry("edited", true);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> hyps = (List<Map<String, Object>>) e.summary().get("hypotheses");
            assertThat((int) hyps.getFirst().get("inconsistent")).isPositive();
            assertThatThrownBy(() -> b.service.achView(Bench.GBR, r.id())).hasMessage("no such matrix");
            assertThatThrownBy(() -> b.service.achEdit(Bench.US, r.id(), 1, 1, "maybe", null))
                    .isInstanceOf(AnalysisException.class);
            assertThatThrownBy(() -> b.service.ach(Bench.US, List.of("only one"), Scope.ALL, null))
                    .isInstanceOf(AnalysisException.class);
        }
    }

    @Test
    void a_foreign_analysts_matrix_carries_nothing_from_the_noforn_passage() throws Exception {
        try (Bench b = new Bench(tmp)) {
            AnalysisReport r = b.service.ach(Bench.GBR, HYPOTHESES, Scope.ALL, null);
            Bench.assertNothingHidden(r);
            b.assertCitationsVisible(Bench.GBR, r);
            assertThat(r.marking()).isEqualTo("UNCLASSIFIED");
        }
    }
}
