package org.automations.it.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URI;
import org.automations.it.Deployments;
import org.automations.it.tasks.Browsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 16, finding 2 in a real browser: a button pressed after the session ended (its cookie is
 * gone, as after a timeout) reloads the page, which says the session expired; the page then works
 * again. Also proves PrimeFaces' Ajax runs under the Content-Security-Policy (nonce scripts only).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionExpiredBrowserIT {

    private static final URI BASE = Deployments.BASE_URI;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aButtonPressedAfterTheSessionEndedReloadsThePageSayingSoInBothLanguages() throws Exception {
        for (String[] language : new String[][] {{"en", "Your session expired", "started"},
                {"de", "Ihre Sitzung war abgelaufen", "gestartet"}}) {
            WebDriver browser = Browsers.chromium(language[0]);
            try {
                browser.get(BASE.toString());
                browser.manage().deleteCookieNamed("JSESSIONID");

                browser.findElement(By.id("demo:startWebinar")).click();

                Browsers.waitFor(browser).until(textToBePresentInElementLocated(By.id("sessionExpired"), language[1]));
                assertTrue(browser.getCurrentUrl().startsWith(BASE.toString()), "the same page, reloaded: "
                        + browser.getCurrentUrl());
                // The reloaded page has a new session: the button works now.
                browser.findElement(By.id("demo:startWebinar")).click();
                Browsers.waitFor(browser).until(textToBePresentInElementLocated(By.id("demo:messages"), language[2]));
            } finally {
                browser.quit();
            }
        }
    }
}
