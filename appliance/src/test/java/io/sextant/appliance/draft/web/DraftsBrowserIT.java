package io.sextant.appliance.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The drafting pages in a real browser (no script on them): an analyst creates a SITREP from the form, sees the
 * editor with the draft's banner and portion-marked paragraphs citing passages, edits a section, accepts, and
 * exports it through the editor's link.
 */
class DraftsBrowserIT {

    private static final String PASSWORD = "drafts browser password 1";

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir.resolve("data"), false, null);
        Corpus corpus = server.bean(Corpus.class);
        corpus.ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))), new IngestRequest("ops",
                MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
        corpus.sync();
        server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", PASSWORD);
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
    void creates_edits_accepts_and_exports_a_draft() throws Exception {
        WebDriver driver = browser.driver();
        browser.signIn(server.url(), "alice", PASSWORD);
        driver.get(server.url().resolve("/drafts").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("new-draft")));
        assertThat(driver.findElement(By.id("no-drafts")).isDisplayed()).isTrue();
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        new Select(driver.findElement(By.id("template"))).selectByValue("sitrep");
        driver.findElement(By.id("topic")).sendKeys("convoy on Route 7");
        browser.shot("drafts-01-new");
        driver.findElement(By.id("create-draft")).click();

        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("draft-state")));
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
        assertThat(driver.findElement(By.id("draft-state")).getText()).isEqualTo("draft");
        List<WebElement> paragraphs = driver.findElements(By.cssSelector("p.marked-paragraph"));
        assertThat(paragraphs).isNotEmpty().allSatisfy(p -> assertThat(p.getText()).matches("\\([A-Z/ ,-]+\\) .*"));
        List<WebElement> links = driver.findElements(By.cssSelector("ol.citations a"));
        assertThat(links).isNotEmpty().allSatisfy(a -> assertThat(a.getAttribute("href"))
                .matches(".*/documents/[^?]+\\?passage=([^#]+)#passage-\\1"));
        assertThat(driver.findElement(By.id("authority")).getText()).contains("Classified By: alice");
        browser.shot("drafts-02-editor");

        WebElement text = driver.findElement(By.id("text-situation"));
        text.clear();
        text.sendKeys("(U) The analyst rewrote this situation paragraph.");
        driver.findElement(By.id("save-situation")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("section-situation"),
                "The analyst rewrote this situation paragraph."));
        assertThat(driver.findElement(By.id("section-situation")).findElement(By.cssSelector("p.marked-paragraph"))
                .getText()).matches("\\([A-Z/ ,-]+\\) The analyst rewrote this situation paragraph\\.");
        browser.shot("drafts-03-edited");

        driver.findElement(By.id("accept")).click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("draft-state"), "accepted"));

        String href = driver.findElement(By.id("export-md")).getAttribute("href");
        String md = fetch(driver, href);
        List<String> lines = md.lines().filter(l -> !l.isBlank()).toList();
        String banner = browser.bannerTop();
        assertThat(lines.getFirst()).isEqualTo(banner);
        assertThat(lines.getLast()).isEqualTo(banner);
        assertThat(md).contains("The analyst rewrote this situation paragraph.");
        assertThat(fetch(driver, driver.findElement(By.id("export-pdf")).getAttribute("href"))).startsWith("%PDF");

        driver.get(server.url().resolve("/drafts").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.drafts-list")));
        assertThat(driver.findElement(By.cssSelector("table.drafts-list")).getText()).contains("convoy on Route 7")
                .contains("accepted");
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        browser.shot("drafts-04-list");
    }

    /** Downloads what a link points at with the browser's session cookie. */
    private String fetch(WebDriver driver, String href) throws Exception {
        String cookie = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder().sslContext(server.sslContext()).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(
                        java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-disposition").orElse("")).startsWith("attachment");
        return r.body();
    }
}
