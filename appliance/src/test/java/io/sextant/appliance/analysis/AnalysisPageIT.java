package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The analysis page in chromium: a report evaluated through the form, banner top and bottom from the result. */
class AnalysisPageIT {

    @TempDir
    Path tmp;

    @Test
    void an_evaluation_is_shown_under_the_results_banner_with_marks_and_citations() throws Exception {
        try (TestServer server = TestServer.start(tmp.resolve("data"), true, null)) {
            server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(tmp.resolve("docs"))), new IngestRequest("ops",
                    MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
            server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse 1A!");
            try (Browser b = Browser.open(tmp.resolve("profile"))) {
                b.signIn(server.url(), "alice", "correct horse 1A!");
                b.driver().get(server.url().resolve("/analysis").toString());
                b.driver().findElement(By.cssSelector("#form-evaluate textarea[name=text]"))
                        .sendKeys(EvaluateReportTest.REPORT);
                b.driver().findElement(By.cssSelector("#form-evaluate button[type=submit]")).click();
                b.waitFor(d -> d.findElements(By.id("report")).isEmpty() ? null : true);
                b.shot("analysis-evaluate");
                assertThat(b.bannerTop()).isEqualTo("SECRET//NOFORN");
                assertThat(b.bannerBottom()).isEqualTo("SECRET//NOFORN");
                assertThat(b.driver().findElements(By.cssSelector("#report a.cite"))).isNotEmpty();
                assertThat(b.driver().findElement(By.id("report")).getText()).contains("(S//NF)")
                        .contains("Classified By: alice");
            }
        }
    }
}
