package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftCommandTest {

    private static final Pattern PORTION = Pattern.compile("^(- )?\\((U|C|S|TS)(//[^)]*)?\\) .*");

    @TempDir
    Path tmp;

    @Test
    void every_bundled_template_drafts_a_marked_markdown_product_as_the_named_user() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(ConsoleRun.run(data, "ingest", "--marking", "(U)", MarkedCorpus.write(tmp.resolve("docs"))
                .toString()).status()).isZero();
        assertThat(ConsoleRun.run(data, "users", "add", "alice", "--role", "analyst", "--clearance",
                "level=S;country=USA").status()).isZero();
        assertThat(ConsoleRun.run(data, "users", "add", "bob", "--role", "analyst", "--clearance",
                "level=S;country=GBR").status()).isZero();

        for (String template : List.of("sitrep", "intsum", "pir", "brief")) {
            Path out = tmp.resolve(template + ".md");
            long t0 = System.nanoTime();
            ConsoleRun r = ConsoleRun.run(data, "draft", template, "--topic", "convoy movements on Route 7",
                    "--user", "alice", "--out", out.toString());
            System.out.printf("draft %s (extractive engine, MarkedCorpus): %.0f ms%n", template,
                    (System.nanoTime() - t0) / 1e6);
            assertThat(r.status()).as(r.err()).isZero();
            List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
            assertThat(lines.getFirst()).as(template).isEqualTo("SECRET//NOFORN");
            assertThat(lines.getLast()).as(template).isEqualTo("SECRET//NOFORN");
            assertThat(Files.readString(out)).contains("Classified By: alice");
        }
        String sitrep = Files.readString(tmp.resolve("sitrep.md"));
        assertThat(sitrep.lines().filter(PORTION.asPredicate()).count()).isGreaterThan(3);

        Path gbr = tmp.resolve("gbr.pdf");
        ConsoleRun r = ConsoleRun.run(data, "draft", "sitrep", "--topic", "convoy trucks on Route 7", "--user", "bob",
                "--out", gbr.toString());
        assertThat(r.status()).as(r.err()).isZero();
        try (var pdf = Loader.loadPDF(gbr.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("UNCLASSIFIED").doesNotContain("NOFORN").doesNotContain("Fuel trucks")
                    .doesNotContain(MarkedCorpus.HIDDEN_FACT);
        }
        assertThat(ConsoleRun.run(data, "audit", "tail", "-n", "3").out()).contains("DRAFT");
    }

    @Test
    void an_unknown_user_or_template_is_a_clear_error() throws Exception {
        Path data = tmp.resolve("data");
        ConsoleRun none = ConsoleRun.run(data, "draft", "sitrep", "--topic", "x", "--user", "ghost", "--out",
                tmp.resolve("x.md").toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no active account named 'ghost'");
        assertThat(ConsoleRun.run(data, "users", "add", "alice", "--role", "analyst", "--clearance",
                "level=S;country=USA").status()).isZero();
        ConsoleRun bad = ConsoleRun.run(data, "draft", "nope", "--topic", "x", "--user", "alice", "--out",
                tmp.resolve("x.md").toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("no template named 'nope'");
        assertThat(ConsoleRun.run(data, "draft", "--list-templates").out()).contains("sitrep").contains("pir");
    }
}
