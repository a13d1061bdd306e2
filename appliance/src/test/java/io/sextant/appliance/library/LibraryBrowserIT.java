package io.sextant.appliance.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
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

/** The library page in a real browser: upload through the file input, watch the job finish, see the marked rows. */
class LibraryBrowserIT {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start(dir.resolve("data"), false, null);
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
    void uploadsMarkedFilesWatchesProgressAndListsThemWithTheirMarks() throws IOException {
        server.signedInAs("usa", Role.ANALYST, "level=S;country=USA", PASSWORD);
        server.signedInAs("gbr", Role.ANALYST, "level=S;country=GBR", PASSWORD);
        Path docs = MarkedCorpus.write(dir.resolve("docs"));
        Files.writeString(docs.resolve("relay.txt"), "SECRET//NOFORN\n\n" + LibraryApiTest.NF_ONLY
                + "\n\nSECRET//NOFORN\n");
        WebDriver driver = browser.driver();

        browser.signIn(server.url(), "usa", PASSWORD);
        driver.get(server.url().resolve("/library").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("upload-files")));
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        browser.shot("library-01-empty");

        driver.findElement(By.id("upload-files")).sendKeys(String.join("\n", List.of(
                docs.resolve("convoy-report.txt").toString(), docs.resolve("harbor-report.txt").toString(),
                docs.resolve("relay.txt").toString())));
        driver.findElement(By.id("upload-marking")).sendKeys("(U)");
        driver.findElement(By.id("upload-collection")).sendKeys("ops");
        driver.findElement(By.id("upload-submit")).click();

        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job progress")));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job[data-state=done]")));
        browser.waitFor(d -> d.findElements(By.cssSelector("tr[id^=document-]")).size() == 3);
        WebElement job = driver.findElement(By.cssSelector(".job"));
        assertThat(job.findElement(By.tagName("progress")).getDomProperty("value")).isEqualTo("3");
        List<String> marks = driver.findElements(By.cssSelector("tr[id^=document-] .doc-mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marks).containsExactlyInAnyOrder("SECRET//NOFORN", "UNCLASSIFIED", "SECRET//NOFORN");
        assertThat(driver.findElements(By.cssSelector("tr[id^=document-] .doc-status")).stream()
                .map(WebElement::getText).toList()).containsOnly("ingested");
        assertThat(driver.findElements(By.cssSelector("button.doc-delete"))).hasSize(3);
        assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
        assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
        browser.shot("library-02-uploaded");

        browser.signOut();
        browser.signIn(server.url(), "gbr", PASSWORD);
        driver.get(server.url().resolve("/library").toString());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("upload-files")));
        String page = driver.getPageSource();
        assertThat(page).doesNotContain("NOFORN").doesNotContain("relay").doesNotContain("4471");
        assertThat(driver.findElements(By.cssSelector("button.doc-delete"))).isEmpty();
        browser.shot("library-03-foreign-user");
    }
}
