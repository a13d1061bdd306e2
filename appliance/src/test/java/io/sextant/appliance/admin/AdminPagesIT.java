package io.sextant.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.Browser;
import io.sextant.appliance.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The admin pages in headless chromium: they render under the CSP, with the UNCLASSIFIED banner; screenshots. */
class AdminPagesIT {

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    TestServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, false, null);
        server.signedInAs("boss", Role.ADMIN, "level=TS;country=USA", "browser admin password 1");
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
    void modelsStatusAndAuditPages() {
        WebDriver driver = browser.driver();
        browser.signIn(server.url(), "boss", "browser admin password 1");

        driver.findElement(By.linkText("Models")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("import-model")));
        assertThat(driver.findElement(By.id("engine")).getText()).isEqualTo("extractive");
        assertThat(browser.bannerTop()).isEqualTo("UNCLASSIFIED");
        driver.findElement(By.cssSelector("#import-model input[name=path]")).sendKeys(dir.resolve("none.gguf").toString());
        driver.findElement(By.cssSelector("#import-model button")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        browser.shot("admin-01-models");

        driver.findElement(By.linkText("Status")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("system-status")));
        assertThat(driver.findElement(By.id("disk-free")).getText()).contains("MiB of");
        assertThat(driver.findElement(By.id("model-loaded")).getText()).isEqualTo("none");
        assertThat(browser.bannerBottom()).isEqualTo("UNCLASSIFIED");
        browser.shot("admin-02-status");

        driver.findElement(By.linkText("Audit")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("chain-status")));
        assertThat(driver.findElement(By.id("chain-status")).getText()).startsWith("Hash chain intact");
        new Select(driver.findElement(By.cssSelector("#audit-filter select[name=type]"))).selectByValue("LOGIN");
        driver.findElement(By.cssSelector("#audit-filter button")).click();
        browser.waitFor(ExpectedConditions.urlContains("type=LOGIN"));
        assertThat(driver.findElements(By.cssSelector("#audit-rows tbody tr td:nth-child(3)")))
                .isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("LOGIN"));
        browser.shot("admin-03-audit");
    }
}
