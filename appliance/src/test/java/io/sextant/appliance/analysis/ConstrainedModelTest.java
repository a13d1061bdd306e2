package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Engines;
import io.sextant.inference.gguf.GgmlType;
import io.sextant.inference.gguf.testing.TinyLlama;
import io.sextant.inference.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model path through the real llama.cpp engine with a tiny random-weight GGUF: verdicts and ratings come from
 * JSON-schema constrained generation. Random weights judge nonsense, but every structured value must parse and
 * validate, or be replaced by the heuristic one with a notice saying why.
 */
class ConstrainedModelTest {

    @TempDir
    Path tmp;

    private static final String REPORT = """
            The frigate left the harbor at dawn and headed south.
            The frigate did not leave the harbor at dawn.
            The brutal regime will probably invade the northern provinces next week.
            Port authorities announced that the convoy escort exercise ended on schedule.
            """;

    private Bench bench() throws Exception {
        Path data = tmp.resolve("data");
        Path model = TinyLlama.write(tmp.resolve("tiny.gguf"), new TinyLlama.Spec(64, 2, 4, 4, 128, 2048, 300,
                GgmlType.F32, TinyLlama.CHATML_TEMPLATE, 1));
        ModelRegistry registry = ModelRegistry.forDataDir(data);
        registry.importModel(model, "tiny", null, false);
        registry.setDefault("tiny");
        Bench b = new Bench(tmp, new Engines.Config(0, 2048, 1, null, null));
        assertThat(b.engines.extractive()).as(String.valueOf(b.engines.status())).isFalse();
        return b;
    }

    @Test
    void evaluate_verdicts_from_the_model_are_valid_or_replaced_with_a_reason() throws Exception {
        try (Bench b = bench()) {
            AnalysisReport r = b.service.evaluate(Bench.GBR, REPORT, null, Scope.ALL, null);
            assertThat(r.engine()).isNotEqualTo("extractive");
            System.out.println("tiny GGUF evaluate notices: " + r.notices());
            assertThat(r.section("claims")).hasSize(4).allSatisfy(c -> {
                assertThat(ReportEvaluator.VERDICTS).contains((String) c.fields().get("verdict"));
                if (!c.fields().get("verdict").equals("not_found")) {
                    assertThat(c.citations()).isNotEmpty();
                }
            });
            assertThat(r.notices()).allSatisfy(n -> assertThat(n).containsPattern(
                    "claim \\d+: the model('s output)? .*; the heuristic result is shown"));
            Bench.assertNothingHidden(r);
            b.assertCitationsVisible(Bench.GBR, r);
        }
    }

    @Test
    void ach_ratings_from_the_model_are_valid_or_replaced_with_a_reason() throws Exception {
        try (Bench b = bench()) {
            AnalysisReport r = b.service.ach(Bench.GBR, AchTest.HYPOTHESES, Scope.ALL, null);
            System.out.println("tiny GGUF ACH notices: " + r.notices());
            assertThat(r.section("cells")).isNotEmpty().allSatisfy(c ->
                    assertThat(Ach.RATINGS).contains((String) c.fields().get("rating")));
            assertThat(r.notices()).allSatisfy(n -> assertThat(n).containsPattern(
                    "hypothesis \\d+: the model('s output)? .*; the heuristic result is shown"));
            Bench.assertNothingHidden(r);
            b.assertCitationsVisible(Bench.GBR, r);
        }
    }

    @Test
    void pir_triage_from_the_model_is_valid_or_replaced_with_a_reason() throws Exception {
        try (Bench b = bench()) {
            AnalysisReport r = b.service.pir(Bench.GBR, "harbor", List.of("Did the frigate leave the harbor at dawn?",
                    "What air defence systems are deployed near the capital?"), 24, Scope.ALL, null);
            System.out.println("tiny GGUF PIR notices: " + r.notices());
            assertThat(r.section("triage")).hasSize(2).allSatisfy(t -> {
                assertThat(List.of("answered", "open")).contains((String) t.fields().get("status"));
                if (t.fields().get("status").equals("answered")) {
                    assertThat(t.citations()).isNotEmpty();
                }
            });
            assertThat(r.notices()).allSatisfy(n -> assertThat(n).containsPattern(
                    "requirement \\d+: the model('s output)? .*; the heuristic result is shown"));
            Bench.assertNothingHidden(r);
            b.assertCitationsVisible(Bench.GBR, r);
        }
    }

    @Test
    void red_cell_with_a_model_adds_a_guarded_team_b_case_or_says_why_not() throws Exception {
        try (Bench b = bench()) {
            AnalysisReport r = b.service.redCell(Bench.GBR, RedCellComparePirTest.PLAN, Scope.ALL, null);
            System.out.println("tiny GGUF red cell: " + r.section("team B case").size() + " paragraphs, notices "
                    + r.notices());
            assertThat(r.section("ways it may fail")).isNotEmpty();
            r.section("team B case").forEach(t -> assertThat(t.citations()).isNotEmpty());
            Bench.assertNothingHidden(r);
            b.assertCitationsVisible(Bench.GBR, r);
        }
    }
}
