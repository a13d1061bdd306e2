package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The search and eval commands end to end: a real on-disk index, the real embedding model, a tiny collection. */
class RetrievalCommandsTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = SextantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void eval_retrieval_reports_every_mode_as_json() throws Exception {
        Path tiny = Path.of(RetrievalCommandsTest.class.getResource("/eval/tiny/qrels.tsv").toURI()).getParent();
        Run r = run("eval", "retrieval", "--collection", tiny.toString(), "--mode", "all", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String mode : List.of("bm25", "dense", "hybrid")) {
            for (String metric : List.of("ndcg@10", "recall@100", "mrr@10", "p50_ms", "p95_ms")) {
                assertThat(json.path(mode).path(metric).isNumber()).as(mode + " " + metric).isTrue();
            }
        }
        // Every judged document is findable in a collection this small; the model must put it first for q2/q3.
        assertThat(json.path("hybrid").path("recall@100").asDouble()).isEqualTo(1.0);
        assertThat(json.path("dense").path("mrr@10").asDouble()).isGreaterThan(0.6);
        Run text = run("eval", "retrieval", "--collection", tiny.toString(), "--mode", "bm25");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("nDCG@10").contains("bm25").doesNotContain("hybrid ");
    }

    @Test
    void eval_retrieval_rejects_a_missing_collection_clearly(@TempDir Path empty) {
        Run r = run("eval", "retrieval", "--collection", empty.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("corpus.jsonl");
    }

    @Test
    void search_shows_only_what_the_clearance_allows(@TempDir Path data) throws Exception {
        MarkingParser parser = MarkingParser.defaultParser();
        try (OnnxEmbedder embedder = new OnnxEmbedder();
             PassageIndex index = new PassageIndex(data.resolve("index"), new GuardVisibilityLabels(), embedder,
                     embedder.dimension(), PassageIndex.VectorStorage.INT8)) {
            index.add(List.of(
                    new Passage("p1", "doc-1", 0, "The frigate entered the harbor at dawn.", "Harbor report",
                            List.of("Arrivals"), 2, parser.parsePortion("(U)").marking(), "ops", "pdf",
                            LocalDate.of(2024, 3, 1), "field", "en", null),
                    new Passage("p2", "doc-2", 0, "The frigate carries a secret sonar.", "Sonar note", List.of(),
                            null, parser.parsePortion("(S//NF)").marking(), "ops", "pdf", null, "field", "en",
                            null)));
            index.commit();
        }
        Run low = run("search", "frigate", "--clearance", "level=C;country=USA", "--data-dir", data.toString(),
                "--json");
        assertThat(low.status()).as(low.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(low.out());
        assertThat(json.path("hits")).hasSize(1);
        assertThat(json.path("hits").get(0).path("passageId").asText()).isEqualTo("p1");
        assertThat(json.path("hits").get(0).path("snippet").asText()).contains("<b>frigate</b>");
        assertThat(json.path("totalVisible").asLong()).isEqualTo(1);
        assertThat(low.out()).doesNotContain("sonar").doesNotContain("p2");

        Run high = run("search", "frigate", "--clearance", "level=S;country=USA", "--data-dir", data.toString(),
                "--mode", "bm25");
        assertThat(high.status()).isZero();
        assertThat(high.out()).contains("(S//NF)").contains("(U)").contains("doc doc-1 #0, p. 2, Arrivals");

        Run none = run("search", "zeppelin", "--clearance", "level=U;country=USA", "--data-dir", data.toString(),
                "--mode", "bm25");
        assertThat(none.out()).contains("No results.");
        Run bad = run("search", "x", "--clearance", "level=Q", "--data-dir", data.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid --clearance");
    }

    @Test
    void search_without_an_index_says_so(@TempDir Path data) throws URISyntaxException {
        Run r = run("search", "x", "--clearance", "level=U;country=USA", "--data-dir", data.toString(), "--mode",
                "bm25");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no index");
    }
}
