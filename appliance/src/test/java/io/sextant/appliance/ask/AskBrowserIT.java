package io.sextant.appliance.ask;

import static io.sextant.appliance.corpus.MarkedCorpus.HIDDEN_FACT;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Ask page in a real browser (Debian's chromium, headless, over HTTPS): a US SECRET analyst asks, watches the
 * answer stream and become a portion-marked, cited answer under a SECRET//NOFORN banner, opens a citation, comes back
 * to the saved conversation, and rates the answer; then a British SECRET analyst asks the same and sees nothing of
 * the NOFORN passage under an UNCLASSIFIED banner.
 */
class AskBrowserIT {

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir.resolve("data"), false, null);
        server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))),
                new IngestRequest("ops", MarkingParser.defaultParser().parsePortion("(U)").marking(), null),
                ProgressListener.NONE);
        server.signedInAs("usanalyst", Role.ANALYST, "level=S;country=USA", "us analyst password 1");
        server.signedInAs("ukanalyst", Role.ANALYST, "level=S;country=GBR", "uk analyst password 1");
        browser = Browser.open(profile);
        driver = browser.driver();
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
    void asksSeesTheStreamedMarkedCitedAnswerOpensACitationAndAForeignUserSeesNothingOfIt() {
        browser.signIn(server.url(), "usanalyst", "us analyst password 1");
        driver.get(server.url().resolve("/ask").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("ask-question")));
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        driver.findElement(By.id("ask-question")).sendKeys(AskApiTest.QUESTION);
        driver.findElement(By.id("ask-submit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.answer.final")));
        browser.waitFor(ExpectedConditions.textToBe(By.id("banner-top"), "SECRET//NOFORN"));
        browser.shot("ask-01-us-answer");

        WebElement answer = driver.findElement(By.cssSelector("article.answer.final"));
        assertThat(driver.findElements(By.cssSelector("article.answer.streaming"))).isEmpty();
        List<WebElement> paragraphs = answer.findElements(By.cssSelector("p.answer-paragraph"));
        assertThat(paragraphs).isNotEmpty().allSatisfy(p -> assertThat(
                p.findElement(By.cssSelector("span.portion-mark")).getText()).startsWith("("));
        assertThat(answer.getText()).contains(HIDDEN_FACT).contains("(S//NF)");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
        assertThat(driver.findElement(By.id("banner-top")).getAttribute("class")).contains("banner-s");
        assertThat(driver.getCurrentUrl()).contains("/ask/");
        String conversationUrl = driver.getCurrentUrl();
        assertThat(driver.findElements(By.cssSelector("#ask-conversation-list a.conversation-link"))).hasSize(1);

        // Feedback on the answer.
        answer.findElement(By.cssSelector("button.feedback-down")).click();
        answer.findElement(By.cssSelector("textarea.feedback-correction")).sendKeys("It was thirty trucks.");
        answer.findElement(By.cssSelector("button.feedback-send")).click();
        browser.waitFor(d -> !d.findElement(By.cssSelector("article.answer.final .feedback-status")).getText()
                .isBlank());
        String answerId = answer.getAttribute("data-answer-id");
        assertThat(server.bean(ConversationStore.class).feedbackOn(answerId)).isNotEmpty();

        // The citation opens the passage in its document.
        WebElement citation = answer.findElement(By.cssSelector("a.citation"));
        String href = citation.getAttribute("href");
        assertThat(href).contains("/documents/").contains("?passage=").contains("#passage-");
        citation.click();
        browser.waitFor(ExpectedConditions.urlContains("/documents/"));
        browser.shot("ask-02-citation-opened");

        // The saved conversation, server-rendered.
        driver.get(conversationUrl);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.answer.final")));
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(driver.findElement(By.cssSelector("article.answer.final")).getText()).contains(HIDDEN_FACT);
        browser.shot("ask-03-saved-conversation");

        // A British SECRET analyst: same question, nothing of the NOFORN passage, no hint of it.
        browser.signOut();
        browser.signIn(server.url(), "ukanalyst", "uk analyst password 1");
        driver.get(server.url().resolve("/ask").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("ask-question")));
        assertThat(driver.findElements(By.cssSelector("#ask-conversation-list a.conversation-link"))).isEmpty();
        driver.findElement(By.id("ask-question")).sendKeys(AskApiTest.QUESTION);
        driver.findElement(By.id("ask-submit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.answer.final, article.answer.empty")));
        assertThat(driver.findElements(By.cssSelector("article.answer.failed"))).isEmpty();
        browser.shot("ask-04-foreign-answer");
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain(HIDDEN_FACT).doesNotContain("Guards").doesNotContain("NOFORN")
                .doesNotContain("(S//NF)");
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        driver.get(conversationUrl);
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(HIDDEN_FACT);
    }
}
