package io.sextant.appliance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for UI tests: Debian's chromium and chromedriver, headless, driven by Selenium. Selenium Manager
 * never runs (driver and browser are given explicitly and it is told to stay offline), so nothing is downloaded.
 * Outside CI a machine without chromium skips the test loudly; in CI (the {@code CI} variable) it fails instead.
 */
public final class Browser implements AutoCloseable {

    /** Debian's chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromedriver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots (and the page source of a failed wait) go. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    /**
     * Starts chromium with its own profile directory, accepting the appliance's self-signed certificate.
     *
     * @param profile an empty directory for the browser profile
     * @return the browser
     */
    public static Browser open(Path profile) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") == null) {
            System.err.println("browser test SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is missing "
                    + "(apt-get install chromium chromium-driver); in CI it fails instead.");
            Assumptions.abort("chromium and chromium-driver are not installed");
        }
        assertThat(present).as("CI must have /usr/bin/chromium and /usr/bin/chromedriver (.ci/packages)").isTrue();
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        options.setAcceptInsecureCerts(true);
        WebDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(d);
    }

    /** @return the Selenium driver */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Signs in through the login page, acknowledging the site's notice.
     *
     * @param base the appliance's URL
     * @param user account name
     * @param password its password
     */
    public void signIn(URI base, String user, String password) {
        driver.get(base.resolve("/login").toString());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("acknowledge")).click();
        driver.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("user-name")));
    }

    /** Signs out with the page's sign-out button. */
    public void signOut() {
        driver.findElement(By.id("logout")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    /**
     * Waits up to 90 s; on timeout leaves a screenshot and the page source under {@link #SCREENSHOTS}.
     *
     * @param condition what to wait for
     * @param <T> its result
     * @return the condition's result
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            shot("failure");
            try {
                Files.writeString(SCREENSHOTS.resolve("failure.html"), driver.getPageSource());
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
    }

    /**
     * Saves a screenshot of the current page.
     *
     * @param name file name without extension
     */
    public void shot(String name) {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of the top banner */
    public String bannerTop() {
        return driver.findElement(By.id("banner-top")).getText();
    }

    /** @return the text of the bottom banner */
    public String bannerBottom() {
        return driver.findElement(By.id("banner-bottom")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
