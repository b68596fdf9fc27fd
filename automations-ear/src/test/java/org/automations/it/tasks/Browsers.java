package org.automations.it.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium for the browser tests (installed by .ci/run; see PLATFORM.md). */
public final class Browsers {

    private Browsers() {
    }

    /** A fresh browser (own profile, no cookies) asking for pages in the given language. */
    public static WebDriver chromium(String language) throws IOException {
        return chromium(language, 1400);
    }

    /** A fresh browser whose window is the given number of CSS pixels wide (400: a phone). */
    public static WebDriver chromium(String language, int width) throws IOException {
        // Without it Selenium Manager would look for a driver on the network first.
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=" + language,
                "--window-size=" + width + ",1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        if (width < 500) {
            // Chromium's windows are at least 500 pixels wide: narrower screens are emulated.
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", 900, "pixelRatio", 1.0)));
        }
        WebDriver driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Waits up to 15 s; an element replaced by an AJAX update while it was read is read again. */
    public static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Presses one of the start page's buttons and returns the new automation's id, read from the
     * message the answer shows (group 1 of {@code started}).
     */
    public static long startFromStartPage(WebDriver driver, String button, Pattern started) {
        WebElement before = driver.findElement(By.id("demo:messages"));
        driver.findElement(By.id(button)).click();
        // The answer replaces the form: until then the old message (still sliding up after its close
        // button) could match. The text is read in the same step as the wait, so that a later
        // replacement cannot make the element stale between the two.
        waitFor(driver).until(ExpectedConditions.stalenessOf(before));
        Matcher matcher = waitFor(driver).until(d -> {
            Matcher m = started.matcher(d.findElement(By.id("demo:messages")).getText());
            return m.find() ? m : null;
        });
        return Long.parseLong(matcher.group(1));
    }

    /** Fills in the container's login form (shown in place of the protected page asked for). */
    public static void logIn(WebDriver driver, String user, String password) {
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        // Until the answer to the login has replaced the form: navigating on at once could abort it.
        // Looked up by id in the current document, not through the old element: while the page
        // changes, Chrome reports the old element with varying errors ("Node with given id does not
        // belong to the document"), not always as stale.
        waitFor(driver).ignoring(WebDriverException.class).until(d -> d.findElements(By.id("j_username")).isEmpty());
    }

    /** For the documentation: target/screenshots/{name}, copied to docs/images/ by hand when a page changes. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path file = Path.of("target", "screenshots", name);
            Files.createDirectories(file.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
