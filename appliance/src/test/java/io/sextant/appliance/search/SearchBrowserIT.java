package io.sextant.appliance.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.Browser;
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
 * Search in a real browser: sign in, search, see the highlighted snippet with its portion mark under the right banner,
 * open the document at the cited passage; then the foreign analyst sees none of the hidden passages.
 */
class SearchBrowserIT {

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    SearchFixture f;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        f = SearchFixture.start(dir);
        browser = Browser.open(profile);
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void searchesSeesMarkedHighlightsAndOpensTheDocumentAtTheCitedPassage() {
        browser.signIn(f.server.url(), "usa", "us analyst password 1");
        driver.get(f.server.url().resolve("/search").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search-q")));
        driver.findElement(By.id("search-q")).sendKeys("Guards Brigade convoy");
        driver.findElement(By.id("search-submit")).click();
        WebElement first = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("hit-1")));
        browser.shot("search-01-results");
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");

        WebElement hit = driver.findElements(By.cssSelector(".hit")).stream()
                .filter(h -> h.findElement(By.cssSelector(".hit-mark")).getText().equals("(S//NF)"))
                .findFirst().orElseThrow(() -> new AssertionError("no (S//NF) hit; first: " + first.getText()));
        List<String> marked = hit.findElements(By.cssSelector(".hit-snippet mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marked).contains("Guards", "Brigade");
        assertThat(hit.findElement(By.cssSelector(".hit-snippet")).getText()).contains(MarkedCorpus.HIDDEN_FACT);

        hit.findElement(By.cssSelector("a.hit-title")).click();
        WebElement cited = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.passage.cited")));
        assertThat(driver.getCurrentUrl()).contains("#passage-" + cited.getDomAttribute("id").substring("passage-".length()));
        assertThat(cited.findElement(By.cssSelector(".portion-mark")).getText()).isEqualTo("(S//NF)");
        assertThat(cited.getText()).contains(MarkedCorpus.HIDDEN_FACT);
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        browser.shot("search-02-document-cited");
        browser.signOut();

        browser.signIn(f.server.url(), "gbr", "gbr analyst password 1");
        driver.get(f.server.url().resolve("/search?q=Guards+Brigade+convoy").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        browser.shot("search-03-foreign-analyst");
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        String results = driver.findElement(By.id("results")).getText() + driver.findElement(By.id("facets")).getText();
        assertThat(results).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("(S//NF)")
                .doesNotContain("Fuel");
    }
}
