package io.sextant.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole analyst journey in a real browser against a real appliance over HTTPS: sign in, upload marked documents,
 * watch the ingest finish, search, ask and read the streamed, cited, portion-marked answer under the right banner,
 * open a citation at its passage — then sign in as a lower-cleared foreign analyst who sees neither the passages nor
 * any hint of them. Screenshots go to {@code appliance/target/screenshots/journey-*.png}.
 */
class AnalystJourneyIT {

    private static final String QUESTION = "Where did the convoy move toward the border?";

    @TempDir
    Path dir;

    @TempDir
    Path docs;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, false, """
                sextant:
                  site:
                    name: Sextant Journey Site
                    accreditation: TOP SECRET//SI/TK
                """);
        browser = Browser.open(profile);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void analystUploadsSearchesAndAsksWhileAForeignAnalystSeesNoTraceOfIt() throws IOException {
        server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "alice journey password 1");
        server.signedInAs("colin", Role.ANALYST, "level=C;country=GBR", "colin journey password 1");
        Path folder = MarkedCorpus.write(docs.resolve("reports"));
        WebDriver d = browser.driver();

        // Library: upload two marked documents and watch the ingest job finish.
        browser.signIn(server.url(), "alice", "alice journey password 1");
        d.get(server.url().resolve("/library").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("upload-files")));
        d.findElement(By.id("upload-files")).sendKeys(folder.resolve("convoy-report.txt").toAbsolutePath() + "\n"
                + folder.resolve("harbor-report.txt").toAbsolutePath());
        d.findElement(By.id("upload-marking")).sendKeys("(U)");
        d.findElement(By.id("upload-collection")).sendKeys("ops");
        d.findElement(By.id("upload-submit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job progress")));
        browser.shot("journey-01-upload-progress");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job[data-state='done']")));
        d.navigate().refresh();
        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[id^='document-']"), 2));
        List<String> marks = d.findElements(By.cssSelector("tr[id^='document-'] .doc-mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marks).anyMatch(m -> m.contains("SECRET//NOFORN") || m.contains("S//NF"));
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        browser.shot("journey-02-library");

        // Search: the convoy passage, its portion mark, highlighted terms; the page banner rolls up the hits.
        d.get(server.url().resolve("/search").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search-q")));
        d.findElement(By.id("search-q")).sendKeys("convoy Route 7 border");
        d.findElement(By.id("search-submit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hit-1 .hit-snippet mark")));
        String results = d.findElement(By.id("results")).getText();
        assertThat(results).contains("Route 7");
        assertThat(d.findElements(By.cssSelector(".hit .hit-mark")).stream().map(WebElement::getText))
                .anyMatch(m -> m.contains("S//NF"));
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
        browser.shot("journey-03-search");

        // Ask: streamed answer, every paragraph portion-marked, citations, banner = roll-up of the passages used.
        d.get(server.url().resolve("/ask").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("ask-question")));
        d.findElement(By.id("ask-question")).sendKeys(QUESTION);
        d.findElement(By.id("ask-submit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.answer.final")));
        WebElement answer = d.findElement(By.cssSelector("article.answer.final"));
        List<WebElement> paragraphs = answer.findElements(By.cssSelector("p.answer-paragraph"));
        assertThat(paragraphs).isNotEmpty();
        for (WebElement p : paragraphs) {
            assertThat(p.findElement(By.cssSelector("span.portion-mark")).getText()).matches("\\([A-Z/ ,-]+\\)");
        }
        assertThat(answer.getText()).contains(MarkedCorpus.HIDDEN_FACT);
        List<WebElement> citations = answer.findElements(By.cssSelector("a.citation"));
        assertThat(citations).isNotEmpty();
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
        browser.shot("journey-04-answer");

        // A citation opens its document at the cited passage.
        String href = citations.get(0).getAttribute("href");
        d.get(href);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.passage.cited")));
        assertThat(d.findElement(By.cssSelector("section.passage.cited")).getText()).isNotBlank();
        browser.shot("journey-05-cited-passage");
        browser.signOut();

        // A CONFIDENTIAL British analyst: no passage, count, snippet, citation or error names the NOFORN report.
        browser.signIn(server.url(), "colin", "colin journey password 1");
        d.get(server.url().resolve("/library").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("upload-files")));
        assertNoTrace(d);
        // Both documents have a passage colin may see (the convoy report's (U) weather line), each listed only with
        // the marking of what he may see.
        assertThat(d.findElements(By.cssSelector("tr[id^='document-'] .doc-mark")).stream().map(WebElement::getText))
                .hasSize(2).allMatch(m -> m.contains("UNCLASSIFIED") || m.equals("(U)") || m.equals("U"));

        d.get(server.url().resolve("/search?q=" + java.net.URLEncoder.encode("convoy Route 7 border",
                java.nio.charset.StandardCharsets.UTF_8)).toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertNoTrace(d);
        assertThat(d.findElements(By.cssSelector(".hit .hit-mark")).stream().map(WebElement::getText))
                .allMatch(m -> m.equals("(U)"));
        browser.shot("journey-06-foreign-search");

        d.get(server.url().resolve("/ask").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("ask-question")));
        d.findElement(By.id("ask-question")).sendKeys(QUESTION);
        d.findElement(By.id("ask-submit")).click();
        browser.waitFor(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.answer.final")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.answer.refused"))));
        assertNoTrace(d);
        browser.shot("journey-07-foreign-answer");

        // Opening the cited NOFORN passage directly: the same page as for a passage that does not exist (a 404 when
        // none of the document is visible, else the document's visible passages with nothing cited).
        d.get(href);
        assertNoTrace(d);
        assertThat(d.findElements(By.cssSelector("section.passage.cited"))).isEmpty();
        String missing = href.replaceAll("passage=[^&#]+", "passage=no-such-passage").replaceAll("#.*$", "");
        String deniedText = d.findElement(By.tagName("main")).getText();
        d.get(missing);
        assertThat(d.findElement(By.tagName("main")).getText()).isEqualTo(deniedText);
        browser.shot("journey-08-foreign-direct-link");
    }

    private void assertNoTrace(WebDriver d) {
        String page = d.getPageSource();
        assertThat(page).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("Fuel trucks")
                .doesNotContain("NOFORN").doesNotContain("S//NF");
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
    }
}
