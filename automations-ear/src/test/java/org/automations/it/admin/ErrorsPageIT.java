package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.it.Deployments;
import org.automations.it.tasks.Browsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The errors page in a browser: the demo partner import fails on the start page, the administrator
 * finds it under its class and retries it with the keyboard (it finishes), skips one, kills one after
 * confirming; a user without the roles is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorsPageIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final Pattern STARTED = Pattern.compile("Partner order import #(\\d+) started");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(ErrorsPageIT.class);
    }

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browsers.chromium("en");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anAdministratorRetriesSkipsAndKillsFailedAutomations() {
        browser.get(BASE.resolve("errors").toString());
        Browsers.logIn(browser, "admin", "admin");
        long retried = startFailingImport();
        long skipped = startFailingImport();
        long killed = startFailingImport();

        browser.get(BASE.resolve("errors").toString());
        WebElement section = browser.findElement(By.cssSelector("section[data-class='org.automations.demo.PartnerSync']"));
        assertTrue(section.getText().contains("Partner order import"), section.getText());
        WebElement row = row(retried);
        assertTrue(row.getText().contains("503 Service Unavailable"), row.getText());
        assertTrue(row.getText().contains("fetchOrders"), row.getText());
        assertEquals(BASE.resolve("dashboard/" + retried).toString(),
                row.findElement(By.className("history-link")).getAttribute("href"));
        assertTrue(row.findElement(By.className("traceback-link")).getAttribute("href")
                .startsWith(BASE.resolve("dashboard/" + retried + "/traceback/").toString()));

        row.findElement(By.className("retry-button")).sendKeys(Keys.ENTER);
        assertMessage("Automation #" + retried + " retried: it has finished.");
        assertEquals(0, browser.findElements(By.cssSelector("tr.failure-" + retried)).size());
        browser.get(BASE.resolve("dashboard/" + retried).toString());
        assertEquals(List.of("java.lang.IllegalStateException: Partner order API ACME answered 503 Service Unavailable",
                "Retried by admin", "OK", "OK", "OK"), browser.findElements(By.className("step-message")).stream()
                .map(WebElement::getText).toList(), "the history records who retried");
        browser.get(BASE.resolve("errors").toString());

        row(skipped).findElement(By.className("skip-button")).click();
        assertMessage("Automation #" + skipped + " continued after the failed step: it has finished.");

        // The Kill dialog by keyboard: Enter on Kill opens it with the focus on Cancel, so a second
        // Enter cancels; Escape closes it. Neither kills.
        row(killed).findElement(By.className("kill-button")).sendKeys(Keys.ENTER);
        Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        Browsers.waitFor(browser).until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.activeElement.className;")).contains("ui-confirmdialog-no"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        Browsers.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        row(killed).findElement(By.className("kill-button")).sendKeys(Keys.ENTER);
        Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        Browsers.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.navigate().refresh();
        assertEquals(1, browser.findElements(By.cssSelector("tr.failure-" + killed)).size(), "not killed by the keyboard");

        row(killed).findElement(By.className("kill-button")).click();
        WebElement yes = Browsers.waitFor(browser).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        assertTrue(browser.findElement(By.cssSelector(".ui-confirm-dialog")).getText()
                .contains("#" + killed), "the dialog names the automation");
        yes.click();
        assertMessage("Automation #" + killed + " killed.");
        assertEquals(0, browser.findElements(By.cssSelector("tr.failure-" + killed)).size());
    }

    @Test
    void aUserWithoutTheRolesIsRefused() {
        browser.get(BASE.resolve("errors").toString());
        Browsers.logIn(browser, "jacob", "jacob");
        Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertEquals("Not allowed", browser.findElement(By.id("error")).getText());
        assertEquals(0, browser.findElements(By.id("errorsLink")).size(), "no link to a page jacob may not see");
    }

    /** The start page's demo button; returns the new automation's id from its message. */
    private long startFailingImport() {
        browser.get(BASE.toString());
        browser.findElement(By.id("demo:startPartnerSync")).click();
        WebElement message = Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#demo\\:messages .ui-messages-info-summary")));
        Matcher started = STARTED.matcher(message.getText());
        assertTrue(started.find(), message.getText());
        return Long.parseLong(started.group(1));
    }

    private WebElement row(long automationId) {
        return Browsers.waitFor(browser).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.failure-" + automationId)));
    }

    private void assertMessage(String text) {
        WebElement message = Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#messages .ui-messages-info-summary, #messages .ui-messages-error-summary")));
        assertEquals(text, message.getText());
    }
}
