package io.sextant.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser: Debian's chromium and chromedriver, headless, driven by Selenium over HTTPS against a
 * real appliance. Selenium Manager never runs (the driver and the browser are given explicitly, and it is told to
 * stay offline), so nothing is ever downloaded. Skips loudly only when chromium is absent outside CI.
 */
class BrowserIT {

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, false, """
                sextant:
                  site:
                    name: Sextant Test Site
                    accreditation: TOP SECRET//SI/TK
                    notice: "BROWSER TEST NOTICE: use of this system constitutes consent to monitoring."
                """);
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
    void signsInAcknowledgingTheNoticeAndSeesBannerAndClearance() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(server.url().resolve("/").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.findElement(By.id("notice")).getText()).contains("BROWSER TEST NOTICE");
        assertThat(driver.findElement(By.id("accreditation")).getText()).isEqualTo("TOP SECRET//SI/TK");
        assertBanner("UNCLASSIFIED", "rgba(0, 122, 51, 1)");
        shot("01-login");

        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(server.firstAdminPassword());
        driver.findElement(By.id("sign-in")).click();
        // The browser itself refuses to submit until the notice is acknowledged (required checkbox).
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("acknowledge")).click();
        driver.findElement(By.id("sign-in")).click();

        waitFor(wait, ExpectedConditions.urlContains("/account/password"));
        shot("02-change-password");
        String newPassword = "browser test password 1";
        driver.findElement(By.id("current")).sendKeys(server.firstAdminPassword());
        driver.findElement(By.id("replacement")).sendKeys(newPassword);
        driver.findElement(By.id("confirm")).sendKeys(newPassword);
        driver.findElement(By.id("change-password")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.facts")));
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("admin");
        assertThat(driver.findElement(By.id("user-clearance")).getText()).isEqualTo("level=U;country=USA");
        assertBanner("UNCLASSIFIED", "rgba(0, 122, 51, 1)");
        shot("03-home");

        driver.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-user")));
        WebElement form = driver.findElement(By.id("create-user"));
        form.findElement(By.name("username")).sendKeys("analyst1");
        form.findElement(By.name("clearance")).sendKeys("level=TS;sci=SI,TK;country=USA");
        form.findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-password")));
        assertThat(driver.findElement(By.id("one-time-password")).getText()).matches("[A-Za-z0-9]{20}");
        assertThat(driver.findElement(By.cssSelector("#user-analyst1 input[name=clearance]")).getDomProperty("value"))
                .isEqualTo("level=TS;sci=SI,TK;country=USA");
        shot("04-admin-users");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        driver.get(server.url().resolve("/admin/users").toString());
        wait.until(ExpectedConditions.urlContains("/login"));
        shot("05-signed-out");
    }

    private <T> void waitFor(WebDriverWait wait, java.util.function.Function<WebDriver, T> condition) {
        browser.waitFor(condition);
    }

    private void assertBanner(String text, String background) {
        for (String id : new String[] {"banner-top", "banner-bottom"}) {
            WebElement banner = driver.findElement(By.id(id));
            assertThat(banner.getText()).isEqualTo(text);
            // Proves the stylesheet loaded under the CSP (no inline styles anywhere).
            assertThat(banner.getCssValue("background-color")).isEqualTo(background);
        }
    }

    private void shot(String name) {
        browser.shot(name);
    }
}
