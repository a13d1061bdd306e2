package io.sextant.appliance.entities;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The entities page in a real browser: the table, the bundled graph script under the CSP, clicks that cite. */
class EntitiesBrowserIT {

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;

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
    void table_and_graph_show_what_the_user_may_see_and_clicks_list_the_citing_passages() throws Exception {
        server = TestServer.start(dir.resolve("data"), false, null);
        server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))), new IngestRequest("ops",
                MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
        server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "alice password 123");
        server.signedInAs("bob", Role.ANALYST, "level=S;country=GBR", "bob password 1234");
        browser = Browser.open(profile);
        var driver = browser.driver();

        browser.signIn(server.url(), "alice", "alice password 123");
        driver.get(server.url().resolve("/entities").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entities-graph circle")));
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
        assertThat(driver.findElement(By.id("entities-table")).getText()).contains("11th Guards Brigade");
        assertThat(driver.findElements(By.cssSelector("#entities-graph line"))).isNotEmpty();
        browser.shot("entities-01-us-secret");

        WebElement node = driver.findElement(By.cssSelector("#entities-graph circle[data-entity-id]"));
        String id = driver.findElement(By.xpath("//tr[contains(., '11th Guards Brigade')]//button"))
                .getAttribute("data-entity-id");
        WebElement brigade = driver.findElement(By.cssSelector("#entities-graph circle[data-entity-id='" + id + "']"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", brigade);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#entities-details a")));
        assertThat(driver.findElement(By.id("entities-details-title")).getText()).contains("11th Guards Brigade");
        String href = driver.findElement(By.cssSelector("#entities-details a.passage-link")).getAttribute("href");
        assertThat(href).matches(".*/documents/\\d+\\?passage=\\d+:\\d+#passage-\\d+:\\d+");
        browser.shot("entities-02-node-clicked");

        WebElement edge = driver.findElement(By.cssSelector("#entities-graph line"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge);
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("entities-details-title"), "—"));
        assertThat(driver.findElements(By.cssSelector("#entities-details li.citing"))).isNotEmpty();
        assertThat(node.isDisplayed()).isTrue();
        browser.signOut();

        browser.signIn(server.url(), "bob", "bob password 1234");
        driver.get(server.url().resolve("/entities").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entities-graph svg")));
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        assertThat(driver.getPageSource()).doesNotContain("Guards").doesNotContain("NOFORN");
        assertThat(driver.findElements(By.cssSelector("#entities-graph circle[data-entity-id='" + id + "']")))
                .isEmpty();
        browser.shot("entities-03-gbr-secret");
    }
}
