package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /analysis page: forms, server-rendered guarded results with banner, portion marks and citation links. */
class AnalysisPageTest {

    @TempDir
    Path tmp;

    @Test
    void the_page_renders_each_analysts_result_under_its_own_banner() throws Exception {
        try (TestServer server = TestServer.start(tmp.resolve("data"), true, null)) {
            server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(tmp.resolve("docs"))), new IngestRequest("ops",
                    MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
            WebClient alice = server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse 1A!");
            WebClient bob = server.signedInAs("bob", Role.ANALYST, "level=S;country=GBR", "correct horse 2B!");

            WebClient.Response page = alice.get("/analysis", "Accept", "text/html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("form-evaluate", "form-ach", "form-redcell", "form-compare", "form-pir")
                    .contains("UNCLASSIFIED").doesNotContain("<script>");

            String csrf = alice.csrfFrom("/analysis");
            WebClient.Response r = alice.postForm("/analysis/evaluate", Map.of("_csrf", csrf, "text",
                    EvaluateReportTest.REPORT), "Accept", "text/html");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("SECRET//NOFORN").contains("(S//NF)").contains("Classified By: alice")
                    .containsPattern("href=\"/documents/[^\"]+\\?passage=[^\"]+#passage-");

            csrf = bob.csrfFrom("/analysis");
            r = bob.postForm("/analysis/redcell", Map.of("_csrf", csrf, "text", RedCellComparePirTest.PLAN),
                    "Accept", "text/html");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("NOFORN").doesNotContain("Fuel trucks")
                    .doesNotContain(MarkedCorpus.HIDDEN_FACT).contains("(U)");

            csrf = alice.csrfFrom("/analysis");
            r = alice.postForm("/analysis/ach", Map.of("_csrf", csrf, "hypotheses",
                    String.join("\n", AchTest.HYPOTHESES)), "Accept", "text/html");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("class=\"analysis-paragraph least\"");
            Matcher m = Pattern.compile("action=\"/analysis/ach/([^/\"]+)/cells\"").matcher(r.body());
            assertThat(m.find()).isTrue();
            String id = m.group(1);
            r = alice.postForm("/analysis/ach/" + id + "/cells", Map.of("_csrf", csrf, "hypothesis", "1",
                    "evidence", "1", "rating", "not_applicable"), "Accept", "text/html");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("not applicable (set by the analyst)");
            assertThat(bob.get("/analysis/ach/" + id, "Accept", "text/html").status()).isEqualTo(404);

            csrf = bob.csrfFrom("/analysis");
            r = bob.postForm("/analysis/ach", Map.of("_csrf", csrf, "hypotheses", "just one"), "Accept",
                    "text/html");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("between 2 and 6");
        }
    }
}
