package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
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
import org.openqa.selenium.WindowType;

/**
 * The task pages in a real browser (headless Chromium) against the deployed EAR, the way a person
 * uses them: two issue discussions are started on the start page, jacob (Moderators) logs in, sees
 * both moderation tasks, submits one invalid and then valid (a forged back=https://evil.example is
 * not followed), submits the other in two tabs (the second is told it is done), and logs out; mary
 * sees no task and is refused; the start page then shows each automation moved on exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskPagesIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final Pattern STARTED = Pattern.compile("Issue discussion #(\\d+) started");
    private static final Pattern AUTOMATION = Pattern.compile("#(\\d+)$");

    /** Filled by the first tests, read by the later ones (all run in this JVM, in order). */
    private static final List<Long> discussions = new ArrayList<>();
    private static final List<String> taskUrls = new ArrayList<>();
    private static final List<Long> taskAutomations = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(); // nothing of this class runs on the server
    }

    @Test
    @Order(1)
    void issueDiscussionsAreStartedOnTheStartPage() throws Exception {
        WebDriver browser = Browsers.chromium("en");
        try {
            browser.get(BASE.toString());
            discussions.add(startIssueDiscussion(browser));
            discussions.add(startIssueDiscussion(browser));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void jacobLogsInSeesTheModerationTasksAndCompletesThem() throws Exception {
        WebDriver jacob = Browsers.chromium("en");
        try {
            jacob.get(BASE.resolve("tasks").toString());
            Browsers.logIn(jacob, "jacob", "jacob");
            Browsers.waitFor(jacob).until(urlToBe(BASE.resolve("tasks").toString()));
            assertEquals("jacob", jacob.findElement(By.id("userName")).getText());
            List<WebElement> rows = jacob.findElements(By.cssSelector("#tasks\\:list_data tr"));
            assertEquals(2, rows.size(), "both moderation tasks are listed");
            assertFalse(rows.get(0).getText().equals(rows.get(1).getText()), "two tasks of one class read differently");
            for (WebElement row : rows) {
                assertTrue(row.getText().contains("Issue discussion"), row.getText());
                assertTrue(row.getText().contains("Moderate the new mails"), row.getText());
                // The demo's @Meta(taskSummary) and the instance's id tell the two discussions apart (issue 17).
                assertTrue(row.getText().contains("Issue list Week ") && row.getText().contains(": 2 mails to moderate"),
                        row.getText());
                assertTrue(discussions.stream().anyMatch(id -> row.getText().contains("#" + id)), row.getText());
                taskUrls.add(row.findElement(By.cssSelector("a.task-link")).getAttribute("href"));
            }
            for (String url : taskUrls) {
                jacob.get(url);
                Matcher id = AUTOMATION.matcher(jacob.findElement(By.id("automation")).getText());
                assertTrue(id.find());
                taskAutomations.add(Long.valueOf(id.group(1)));
            }
            assertEquals(discussions.stream().sorted().toList(), taskAutomations.stream().sorted().toList());

            // An invalid form shows the error at the field and stays; a forged back URL is not followed.
            String first = taskUrls.get(0);
            jacob.get(first + "?back=" + URLEncoder.encode("https://evil.example", StandardCharsets.UTF_8));
            assertEquals("Moderate the new mails", jacob.findElement(By.id("title")).getText());
            jacob.findElement(By.id("form:submit")).click();
            Browsers.waitFor(jacob).until(textToBePresentInElementLocated(By.id("form:summaryMessage"), "must not be blank"));
            assertTrue(jacob.getCurrentUrl().startsWith(first), jacob.getCurrentUrl());
            jacob.findElement(By.id("form:summary")).sendKeys("Two mails approved");
            jacob.findElement(By.id("form:publish")).click();
            jacob.findElement(By.id("form:submit")).click();
            Browsers.waitFor(jacob).until(urlToBe(BASE.resolve("tasks").toString()));
            assertEquals(1, jacob.findElements(By.cssSelector("#tasks\\:list_data a.task-link")).size());

            // Submitted in two tabs: the first submission wins, the second is told the task is done.
            String second = taskUrls.get(1) + "?back=" + URLEncoder.encode("/automations/", StandardCharsets.UTF_8);
            jacob.get(second);
            String firstTab = jacob.getWindowHandle();
            jacob.switchTo().newWindow(WindowType.TAB);
            jacob.get(second);
            jacob.findElement(By.id("form:submit")).click(); // invalid first: the back parameter must survive
            Browsers.waitFor(jacob).until(textToBePresentInElementLocated(By.id("form:summaryMessage"), "must not be blank"));
            // By keyboard only: type, then Enter submits the form.
            jacob.findElement(By.id("form:summary")).sendKeys("Approved in the second tab", Keys.ENTER);
            Browsers.waitFor(jacob).until(urlToBe(BASE.toString()));
            jacob.switchTo().window(firstTab);
            jacob.findElement(By.id("form:summary")).sendKeys("Too late");
            jacob.findElement(By.id("form:submit")).click();
            Browsers.waitFor(jacob).until(textToBePresentInElementLocated(By.id("done"), "already been completed"));

            jacob.get(first);
            assertTrue(jacob.findElement(By.id("done")).isDisplayed(), "a done task says so");
            jacob.get(BASE.resolve("tasks").toString());
            assertTrue(jacob.findElements(By.cssSelector("a.task-link")).isEmpty());

            jacob.findElement(By.id("logout")).click();
            Browsers.waitFor(jacob).until(urlToBe(BASE.toString()));
            jacob.get(BASE.resolve("tasks").toString());
            assertFalse(jacob.findElements(By.id("j_username")).isEmpty(), "logged out: the login form again");
        } finally {
            jacob.quit();
        }
    }

    @Test
    @Order(3)
    void maryInGermanSeesNoTaskAndIsRefusedTheModerationTask() throws Exception {
        WebDriver mary = Browsers.chromium("de");
        try {
            mary.get(BASE.resolve("tasks").toString());
            assertEquals("Benutzername", mary.findElement(By.cssSelector("label[for=j_username]")).getText());
            Browsers.logIn(mary, "mary", "mary");
            Browsers.waitFor(mary).until(urlToBe(BASE.resolve("tasks").toString()));
            assertEquals("Meine Aufgaben", mary.findElement(By.tagName("h1")).getText());
            assertTrue(mary.findElement(By.id("tasks:list")).getText().contains("Keine Aufgaben warten auf Sie."));
            assertTrue(mary.findElements(By.cssSelector("a.task-link")).isEmpty());

            mary.get(taskUrls.get(0));
            assertEquals("Nicht erlaubt", mary.findElement(By.id("error")).getText());
        } finally {
            mary.quit();
        }
    }

    @Test
    @Order(4)
    void statusCodesForStrangersWrongIdsAndOtherPeoplesTasks() throws Exception {
        URI task = URI.create(taskUrls.get(0));
        HttpResponse<String> anonymous = get(HttpSessions.anonymous(), task);
        assertTrue(anonymous.body().contains("j_security_check"), "not logged in: the login page");

        HttpClient mary = HttpSessions.loggedIn("mary", "mary", BASE.resolve("tasks"));
        assertEquals(403, get(mary, task).statusCode());
        assertEquals(404, get(mary, BASE.resolve("tasks/abc")).statusCode());
        assertEquals(404, get(mary, BASE.resolve("tasks/12x")).statusCode());
        assertEquals(404, get(mary, BASE.resolve("tasks/999999999")).statusCode());
        assertEquals(200, get(mary, BASE.resolve("tasks")).statusCode());

        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        HttpResponse<String> done = get(jacob, task);
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("This task has already been completed."));
    }

    /** The start page lists each automation with the nodes it waits at and, to the view roles, its data. */
    @Test
    @Order(5)
    void eachAutomationMovedOnOnceWithTheSubmittedData() throws Exception {
        WebDriver browser = Browsers.chromium("en");
        try {
            browser.get(BASE.resolve("dashboard").toString());
            Browsers.logIn(browser, "admin", "admin");
            browser.get(BASE.toString());
            long first = taskAutomations.get(0);
            long second = taskAutomations.get(1);
            List<String> firstRow = latestRow(browser, first);
            List<String> secondRow = latestRow(browser, second);

            for (List<String> row : List.of(firstRow, secondRow)) {
                List<String> waitingAt = Arrays.asList(row.get(3).split(",\\s*"));
                assertEquals(1, waitingAt.stream().filter("repeat"::equals).count(), "moved on once: " + row);
                assertFalse(waitingAt.contains("moderate"), row.toString());
                assertTrue(row.get(5).contains("_moderate_validated{\"user\":\"jacob\""), row.get(5));
            }
            assertTrue(firstRow.get(5).contains("\"publish\":true,\"summary\":\"Two mails approved\""), firstRow.get(5));
            assertTrue(secondRow.get(5).contains("\"summary\":\"Approved in the second tab\""), secondRow.get(5));
            assertFalse(secondRow.get(5).contains("Too late"), secondRow.get(5));
        } finally {
            browser.quit();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static long startIssueDiscussion(WebDriver browser) {
        return Browsers.startFromStartPage(browser, "demo:startIssueDiscussion", STARTED);
    }

    /** A cell's text; for the data column its key/value list, folded or not (getText skips what is folded). */
    private static String cellText(WebElement cell) {
        List<WebElement> data = cell.findElements(By.cssSelector("dl.data-list"));
        return data.isEmpty() ? cell.getText() : data.get(0).getAttribute("textContent");
    }

    private static List<String> latestRow(WebDriver browser, long automationId) {
        for (WebElement row : browser.findElements(By.cssSelector("#demo\\:latest_data tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(TaskPagesIT::cellText).toList();
            if (!cells.isEmpty() && cells.get(0).equals(String.valueOf(automationId))) {
                return cells;
            }
        }
        throw new AssertionError("automation " + automationId + " is not on the start page");
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return HttpSessions.get(client, uri);
    }
}
