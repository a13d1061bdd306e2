package io.sextant.appliance.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.corpus.Scope;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.output.OutputGuard;
import io.sextant.inference.Cancellation;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.gguf.testing.TinyLlama;
import io.sextant.inference.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundedWriterTest {

    @TempDir
    Path tmp;

    @Test
    void an_extractive_answer_is_portion_marked_cited_and_bannered_from_the_passages_it_used() throws Exception {
        Path data = tmp.resolve("data");
        try (Corpus corpus = MarkedCorpus.ingest(data, tmp.resolve("docs"));
             Engines engines = Engines.open(data, Engines.Config.DEFAULTS)) {
            assertThat(engines.extractive()).isTrue();
            assertThat(engines.status().reason()).contains("no generative model is installed");
            GroundedWriter writer = new GroundedWriter(engines, OutputGuard.defaults(), Clock.systemUTC());
            Analyst us = new Analyst("alice", MarkedCorpus.US_SECRET, "All-source analyst");
            List<Evidence> evidence = corpus.evidence(us.clearance(), "convoy trucks Route 7", Scope.ALL, 5);
            StringBuilder streamed = new StringBuilder();
            GroundedWriter.Written w = writer.write(us, GroundedWriter.Request.of("Where did the convoy move?",
                    evidence), streamed::append, Cancellation.create());

            GroundedWriter.Product p = (GroundedWriter.Product) w;
            assertThat(streamed.toString()).isEqualTo(w.completion().text());
            assertThat(p.notice()).isNotBlank();
            assertThat(p.citations()).isNotEmpty();
            Set<String> offered = evidence.stream().map(Evidence::passageId).collect(Collectors.toSet());
            assertThat(p.citations()).allSatisfy(c -> assertThat(offered).contains(c.passageId()));
            for (MarkedParagraph mp : p.product().paragraphs()) {
                assertThat(mp.sourceIds()).isNotEmpty().allSatisfy(id -> assertThat(offered).contains(id));
                assertThat(mp.text()).containsPattern("\\[\\d+\\]");
            }
            assertThat(MarkingFormatter.banner(p.product().banner())).isEqualTo("SECRET//NOFORN");
            assertThat(p.product().authorityBlock()).isNotNull();
            assertThat(p.product().authorityBlock().classifiedBy()).contains("alice");
            assertThat(p.product().render()).startsWith("SECRET//NOFORN").contains(MarkedCorpus.HIDDEN_FACT);
        }
    }

    @Test
    void a_lower_cleared_foreign_analyst_gets_nothing_from_passages_above_their_access() throws Exception {
        Path data = tmp.resolve("data");
        try (Corpus corpus = MarkedCorpus.ingest(data, tmp.resolve("docs"));
             Engines engines = Engines.open(data, Engines.Config.DEFAULTS)) {
            GroundedWriter writer = new GroundedWriter(engines, OutputGuard.defaults(), Clock.systemUTC());
            Analyst gbr = new Analyst("bob", MarkedCorpus.GBR_SECRET, null);
            List<Evidence> evidence = corpus.evidence(gbr.clearance(), "convoy trucks Route 7", Scope.ALL, 5);
            GroundedWriter.Written w = writer.write(gbr, GroundedWriter.Request.of("Where did the convoy move?",
                    evidence), piece -> { }, Cancellation.create());
            String everything = w.completion().text() + (w instanceof GroundedWriter.Product p
                    ? p.product().render() + p.citations() : "");
            assertThat(everything).doesNotContain("trucks").doesNotContain("NOFORN").doesNotContain("(S");
        }
    }

    @Test
    void citations_to_passages_never_offered_are_removed_and_reported() throws Exception {
        Path data = tmp.resolve("data");
        try (Corpus corpus = MarkedCorpus.ingest(data, tmp.resolve("docs"));
             Engines engines = Engines.open(data, Engines.Config.DEFAULTS)) {
            GroundedWriter writer = new GroundedWriter(engines, OutputGuard.defaults(), Clock.systemUTC());
            Analyst us = new Analyst("alice", MarkedCorpus.US_SECRET, null);
            List<Evidence> evidence = corpus.evidence(us.clearance(), "harbor frigate", Scope.ALL, 2);
            var c = new io.sextant.inference.Completion("The frigate left at dawn [1][9].\n\nNo source here.", 1, 1,
                    io.sextant.inference.FinishReason.END_OF_TURN, java.time.Duration.ZERO, java.time.Duration.ZERO);
            GroundedWriter.Product p = (GroundedWriter.Product) writer.review(us, evidence, c);
            assertThat(p.dropped()).containsExactly(9);
            assertThat(p.product().paragraphs().get(0).text()).isEqualTo("The frigate left at dawn [1].");
            assertThat(p.citations()).extracting(Citation::number).containsExactly(1);
            assertThat(p.product().paragraphs().get(1).sourceIds()).as("unknown provenance: marked from all offered")
                    .containsExactlyInAnyOrderElementsOf(evidence.stream().map(Evidence::passageId).toList());
        }
    }

    @Test
    void a_local_gguf_model_writes_through_the_real_llama_cpp_path_and_its_text_is_guarded() throws Exception {
        Path data = tmp.resolve("data");
        Path model = TinyLlama.write(tmp.resolve("tiny.gguf"), new TinyLlama.Spec(64, 2, 4, 4, 128, 2048, 300, io.sextant.inference.gguf.GgmlType.F32, TinyLlama.CHATML_TEMPLATE, 1));
        ModelRegistry registry = ModelRegistry.forDataDir(data);
        registry.importModel(model, "tiny", null, false);
        registry.setDefault("tiny");
        try (Corpus corpus = MarkedCorpus.ingest(data, tmp.resolve("docs"));
             Engines engines = Engines.open(data, new Engines.Config(0, 2048, 1, null, null))) {
            assertThat(engines.extractive()).as(String.valueOf(engines.status())).isFalse();
            assertThat(engines.status().model()).contains("tiny");
            GroundedWriter writer = new GroundedWriter(engines, OutputGuard.defaults(), Clock.systemUTC());
            Analyst gbr = new Analyst("bob", MarkedCorpus.GBR_SECRET, null);
            List<Evidence> evidence = corpus.evidence(gbr.clearance(), "convoy harbor", Scope.ALL, 3);
            List<String> pieces = new ArrayList<>();
            GroundedWriter.Written w = writer.write(gbr, new GroundedWriter.Request("", List.of(),
                    "Summarise the convoy reporting.", evidence, GenerationSettings.DEFAULTS.withMaxTokens(48)),
                    pieces::add, Cancellation.create());
            assertThat(w.completion().completionTokens()).isPositive();
            assertThat(String.join("", pieces)).isEqualTo(w.completion().text());
            if (w instanceof GroundedWriter.Product p) {
                assertThat(p.product().render()).doesNotContain("NOFORN");
                p.citations().forEach(c -> assertThat(evidence).extracting(Evidence::passageId)
                        .contains(c.passageId()));
            } else {
                assertThat(w).isInstanceOfAny(GroundedWriter.Refused.class, GroundedWriter.Empty.class);
            }
        }
    }
}
