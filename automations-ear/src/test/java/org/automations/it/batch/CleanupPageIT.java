package org.automations.it.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.automations.it.tasks.Browsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The history cleanup page in a real browser: the administrator starts a cleanup with the keyboard,
 * follows it to the end and sees what it deleted, also in the list of executions; mary (no roles)
 * gets 403. A test servlet writes the old history first and counts what is left at the end.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CleanupPageIT {

    private static final URI PAGE = Deployments.BASE_URI.resolve("history-cleanup");

    private static final URI SEED = Deployments.BASE_URI.resolve("it/history-seed");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(HistorySeedServlet.class, HistoryRows.class);
    }

    @Test
    @Order(1)
    void oldHistoryExists() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> seeded = client.send(HttpRequest.newBuilder(SEED).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("seeded", seeded.body());
        assertEquals("automations=132 tasks=259", get(client, SEED).body());
    }

    @Test
    @Order(2)
        void theAdministratorStartsACleanupAndSeesWhatItDeleted() throws Exception {
        WebDriver admin = Browsers.chromium("en");
        try {
            admin.get(PAGE.toString());
            Browsers.logIn(admin, "admin", "admin");
            Browsers.waitFor(admin).until(d -> !d.findElements(By.id("cleanup:days")).isEmpty());
            assertEquals("History cleanup", admin.findElement(By.tagName("h1")).getText());

            WebElement days = admin.findElement(By.id("cleanup:days"));
            assertEquals("30", days.getAttribute("value"), "30 days by default");
            days.clear();
            days.sendKeys("30");
            // By keyboard: Tab to the start button, Enter.
            days.sendKeys(Keys.TAB);
            assertEquals("cleanup:start", admin.switchTo().activeElement().getAttribute("id"));
            admin.switchTo().activeElement().sendKeys(Keys.ENTER);

            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("cleanup:messages"), "started"));
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("currentStatus"), "Completed"));
            assertEquals("Deleted 120 automations and 240 tasks.", admin.findElement(By.id("counts")).getText());
            assertEquals("100%", admin.findElement(By.cssSelector("#cleanup\\:progress .ui-progressbar-label")).getText());

            // The list below follows without reloading the page.
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.cssSelector("#executions_data tr"), "Completed"));
            WebElement newest = admin.findElements(By.cssSelector("#executions_data tr")).get(0);
            assertTrue(newest.getText().contains("Completed"), newest.getText());
            assertEquals("120", newest.findElement(By.className("cleanup-automations")).getText());
            assertEquals("240", newest.findElement(By.className("cleanup-tasks")).getText());
        } finally {
            admin.quit();
        }
    }

    @Test
    @Order(3)
    void aUserWithoutTheRolesIsRefused() throws Exception {
        HttpClient mary = HttpSessions.loggedIn("mary", "mary", PAGE); // anonymous: the login form first
        assertEquals(403, get(mary, PAGE).statusCode());
        assertEquals(200, get(mary, Deployments.BASE_URI.resolve("tasks")).statusCode(), "logged in, just not allowed");
    }

    @Test
    @Order(4)
    void theCleanupDeletedOnlyTheOldFinishedHistory() throws Exception {
        assertEquals("automations=12 tasks=19", get(HttpClient.newHttpClient(), SEED).body());
    }

    @Test
    @Order(5)
    void aCleanupOfFewerThanSevenDaysSaysWhatItWillDeleteAndDeletesNothingUntilConfirmed() throws Exception {
        WebDriver admin = Browsers.chromium("en");
        try {
            admin.get(PAGE.toString());
            Browsers.logIn(admin, "admin", "admin");
            Browsers.waitFor(admin).until(d -> !d.findElements(By.id("cleanup:days")).isEmpty());
            WebElement days = admin.findElement(By.id("cleanup:days"));
            days.clear();
            days.sendKeys("0");
            days.sendKeys(Keys.TAB);
            admin.switchTo().activeElement().sendKeys(Keys.ENTER);

            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("confirmText"),
                    "This deletes 7 finished automations last updated more than 0 days ago"));
            assertTrue(admin.findElement(By.id("confirmText")).getText().contains("0 of them failed ones"));
            assertEquals("automations=12 tasks=19", get(HttpClient.newHttpClient(), SEED).body(), "nothing yet");
            admin.findElement(By.id("cleanup:cancel")).sendKeys(Keys.ENTER);
            Browsers.waitFor(admin).until(d -> d.findElements(By.id("confirmText")).isEmpty());
            assertEquals("automations=12 tasks=19", get(HttpClient.newHttpClient(), SEED).body(), "cancelled");

            admin.findElement(By.id("cleanup:start")).sendKeys(Keys.ENTER);
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("confirmText"), "This deletes 7"));
            admin.findElement(By.id("cleanup:confirm")).sendKeys(Keys.ENTER);
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("currentStatus"), "Completed"));
            assertEquals("Deleted 7 automations and 14 tasks.", admin.findElement(By.id("counts")).getText());
            assertEquals("automations=5 tasks=5", get(HttpClient.newHttpClient(), SEED).body(), "running ones stay");
        } finally {
            admin.quit();
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
