package io.sextant.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The /jobs page in a real browser: submit a job file, watch its progress bar, see each task and download. */
class JobsBrowserIT {

    @TempDir
    Path tmp;

    @TempDir
    Path profile;

    /** The page reloads itself while a job runs: an element read mid-reload is read again. */
    private static boolean fresh(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
        }
    }

    @Test
    void a_job_file_submitted_on_the_page_shows_progress_per_task_status_and_download_links() throws Exception {
        Path data = JobFixtures.corpusOnly(tmp);
        try (TestServer server = TestServer.start(data, false, null);
             Browser browser = Browser.open(profile)) {
            server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse battery staple 1");
            WebDriver driver = browser.driver();
            browser.signIn(server.url(), "alice", "correct horse battery staple 1");
            driver.get(server.url().resolve("/jobs").toString());
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("submit-job")));
            assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
            browser.shot("jobs-01-empty");

            WebElement spec = driver.findElement(By.id("job-spec"));
            spec.clear();
            spec.sendKeys(JobFixtures.job("browser-products", "alice", 12, null,
                    "{\"template\": \"nope\", \"topic\": \"convoy\"}"));
            driver.findElement(By.cssSelector("#submit-job button[type=submit]")).click();

            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("progress.job-progress")));
            Boolean barShown = browser.waitFor(d -> fresh(() -> {
                WebElement bar = d.findElement(By.cssSelector("progress.job-progress"));
                return bar.isDisplayed() && "100".equals(bar.getAttribute("max"));
            }));
            assertThat(barShown).isTrue();
            browser.shot("jobs-02-running");

            browser.waitFor(d -> fresh(() -> {
                List<WebElement> status = d.findElements(By.cssSelector("section.job .job-status"));
                return !status.isEmpty() && List.of("done", "failed").contains(status.getFirst().getText());
            }));
            driver.get(server.url().resolve("/jobs").toString()); // finished: the page no longer reloads itself
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("progress.job-progress")));
            browser.shot("jobs-03-finished");
            assertThat(driver.findElement(By.cssSelector("section.job .job-status")).getText()).isEqualTo("failed");
            assertThat(driver.findElement(By.cssSelector("progress.job-progress")).getAttribute("value"))
                    .isEqualTo("100");
            List<WebElement> rows = driver.findElements(By.cssSelector("tr.job-task"));
            assertThat(rows).hasSize(13);
            assertThat(driver.findElements(By.cssSelector("tr.job-task.status-done"))).hasSize(12);
            assertThat(driver.findElement(By.cssSelector("tr.job-task.status-failed")).getText())
                    .contains("no template named 'nope'");
            List<WebElement> links = driver.findElements(By.cssSelector("a.task-download"));
            assertThat(links).hasSize(12);
            assertThat(links.getFirst().getAttribute("href")).contains("/api/jobs/").endsWith("/tasks/0/output");
            assertThat(browser.bannerTop()).isEqualTo("SECRET//NOFORN");
            assertThat(browser.bannerBottom()).isEqualTo("SECRET//NOFORN");
            assertThat(driver.findElement(By.cssSelector("section.job")).getText()).contains("ms");
        }
    }
}
