package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automations.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The task list in headless Chromium (issues 14 and 17): two shipment checks of one class for the
 * Moderators read differently (instance id, parcel, due or overdue in words); jacob narrows the list to
 * overdue tasks with the keyboard only, the URL then holds the filter, and anna opening that shared
 * link sees the same filtered list; a filter that matches nothing says which filter it is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskListBrowserIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final String CLASS = URLEncoder.encode(ShipmentCheck.class.getName(), StandardCharsets.UTF_8);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(ShipmentCheck.class, ShipmentFixtureServlet.class, Answer.class);
    }

    @Test
    void jacobFiltersByOverdueWithTheKeyboardAndAnnaOpensTheSharedLink() throws Exception {
        Map<String, Long> ids = fixture();
        WebDriver jacob = Browsers.chromium("en");
        WebDriver anna = Browsers.chromium("en");
        try {
            String list = BASE.resolve("tasks?class=" + CLASS).toString();
            jacob.get(list);
            Browsers.logIn(jacob, "jacob", "jacob");
            jacob.get(list);

            // Two tasks of one class, told apart by their instance and summary; the task itself is the link.
            List<WebElement> rows = rows(jacob);
            assertEquals(2, rows.size());
            String newer = rows.get(0).getText();
            String older = rows.get(1).getText();
            assertNotEquals(newer, older);
            assertTrue(newer.contains("#" + ids.get("due")) && newer.contains("Parcel B-2") && newer.contains("Due "), newer);
            assertTrue(older.contains("#" + ids.get("overdue")) && older.contains("Parcel A-1")
                    && older.contains("Overdue since"), older);
            for (WebElement row : rows) {
                assertEquals("Check the shipment", row.findElement(By.cssSelector("a.task-link")).getText());
                assertTrue(row.getText().contains("group Moderators"), "who it is for: " + row.getText());
            }
            assertTrue(rows.get(1).getAttribute("class").contains("task-overdue"), "colour as well as text");

            // Keyboard only: Space ticks "Overdue only", Enter on the button submits; the URL holds the filter.
            WebElement overdue = jacob.findElement(By.id("filter:overdue"));
            overdue.sendKeys(Keys.SPACE);
            jacob.findElement(By.id("filter:apply")).sendKeys(Keys.ENTER);
            Browsers.waitFor(jacob).until(urlContains("overdue=true"));
            String shared = jacob.getCurrentUrl();
            assertTrue(shared.contains("class=" + CLASS), shared);
            rows = rows(jacob);
            assertEquals(1, rows.size());
            assertTrue(rows.get(0).getText().contains("Parcel A-1"), rows.get(0).getText());

            // The shared link: anna (also a Moderator) sees the same filtered list, the form showing the filter.
            anna.get(shared);
            Browsers.logIn(anna, "anna", "anna");
            anna.get(shared);
            rows = rows(anna);
            assertEquals(1, rows.size());
            assertTrue(rows.get(0).getText().contains("Parcel A-1"), rows.get(0).getText());
            assertTrue(anna.findElement(By.id("filter:overdue")).isSelected());
            assertEquals(ShipmentCheck.class.getName(),
                    anna.findElement(By.id("filter:class")).getAttribute("value"));

            // Nothing matches: the empty list names the filter rather than claiming no task waits.
            anna.get(shared + "&scope=claimed");
            String empty = anna.findElement(By.id("tasks:list")).getText();
            assertTrue(empty.contains("No open task matches the filter 'automation Shipment check, claimed by me, overdue'."),
                    empty);
        } finally {
            jacob.quit();
            anna.quit();
        }
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#tasks\\:list_data tr")).stream()
                .filter(row -> !row.getAttribute("class").contains("ui-datatable-empty-message")).toList();
    }

    private static Map<String, Long> fixture() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(BASE.resolve("it/shipment-fixture"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        Map<String, Long> ids = new HashMap<>();
        for (String pair : created.body().split("&")) {
            String[] parts = pair.split("=");
            ids.put(parts[0], Long.valueOf(parts[1]));
        }
        return ids;
    }
}
