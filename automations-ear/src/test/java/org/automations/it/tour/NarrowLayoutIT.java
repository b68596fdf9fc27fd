package org.automations.it.tour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.regex.Pattern;
import org.automations.it.Deployments;
import org.automations.it.tasks.Browsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The pages on a phone (a window 400 CSS pixels wide): none is wider than the screen, measured as the
 * document's scroll width against its client width, and the header takes at most two lines.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NarrowLayoutIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final Pattern STARTED = Pattern.compile("#(\\d+) started");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void noPageScrollsSidewaysAt400Pixels() throws Exception {
        WebDriver admin = Browsers.chromium("en", 400);
        try {
            admin.get(BASE.resolve("errors").toString());
            Browsers.logIn(admin, "admin", "admin");
            admin.get(BASE.toString());
            long discussion = start(admin, "demo:startIssueDiscussion");
            start(admin, "demo:startPartnerSync"); // fails: the errors page has a row
            assertFitsTheScreen(admin, "start page");
            assertHeaderAtMostTwoLines(admin);

            admin.get(BASE.resolve("errors").toString());
            assertFitsTheScreen(admin, "errors page");
            admin.get(BASE.resolve("dashboard/" + discussion).toString());
            assertFitsTheScreen(admin, "history page of a discussion with three parallel paths");
            admin.get(BASE.resolve("dashboard").toString());
            assertFitsTheScreen(admin, "dashboard");
            admin.get(BASE.resolve("migrations?class=org.automations.demo.IssueDiscussion").toString());
            assertTrue(admin.findElement(By.id("groups")).getText().contains("moderate"), "the page, not an error page");
            assertFitsTheScreen(admin, "migration page with the discussion's waiting nodes");

            WebDriver jacob = Browsers.chromium("en", 400);
            try {
                jacob.get(BASE.resolve("tasks").toString());
                Browsers.logIn(jacob, "jacob", "jacob");
                jacob.get(BASE.resolve("tasks").toString());
                assertFitsTheScreen(jacob, "task list");
                String task = jacob.findElement(By.cssSelector("#tasks\\:list_data a[href*='/tasks/']")).getAttribute("href");
                jacob.get(task);
                assertFitsTheScreen(jacob, "task form");
            } finally {
                jacob.quit();
            }
        } finally {
            admin.quit();
        }
    }

    private static long start(WebDriver browser, String button) {
        long id = Browsers.startFromStartPage(browser, button, STARTED);
        // The message stays until the next start: close it so that it does not cover the page.
        browser.findElement(By.cssSelector("#demo\\:messages .ui-messages-close")).click();
        return id;
    }

    private static void assertFitsTheScreen(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        long clientWidth = (Long) js.executeScript("return document.documentElement.clientWidth;");
        assertTrue(clientWidth <= 400, "the window is a phone's: " + clientWidth);
        assertTrue(scrollWidth <= clientWidth, page + " is " + scrollWidth + " px wide on a " + clientWidth + " px screen");
    }

    private static void assertHeaderAtMostTwoLines(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long header = ((Number) js.executeScript("return document.querySelector('.site-header').offsetHeight;")).longValue();
        long line = ((Number) js.executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('.site-header nav a')).lineHeight) || 20;")).longValue();
        assertTrue(header <= 2 * line + 40, "the header is " + header + " px high, lines of " + line + " px");
    }
}
