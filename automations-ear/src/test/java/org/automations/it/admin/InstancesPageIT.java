package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

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
import org.automations.it.HttpSessions;
import org.automations.it.tasks.Browsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The instances page in a browser (headless Chromium), as the administrator: 36 {@link Listed}
 * automations filtered by class, status, waiting node and creation period through the URL, paged
 * and counted in the database (Hibernate's statistics show no more rows read than a page holds);
 * the dashboard's counts (finished without the failed one) lead here, a row to the history, the
 * history back here with the same filter; retry, skip and kill on the history page, the Kill dialog
 * by keyboard. A user without the view roles gets 403.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstancesPageIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final String LISTED = Listed.class.getName();
    /** The fixture's ids (failed, dated, aged, hold), filled by the first test. */
    private static final Map<String, Long> ids = new HashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(InstancesFixtureServlet.class, Listed.class);
    }

    private WebDriver admin;

    @BeforeEach
    void openBrowser() throws Exception {
        admin = Browsers.chromium("en");
        admin.get(BASE.resolve("instances").toString());
        Browsers.logIn(admin, "admin", "admin");
        Browsers.waitFor(admin).until(presenceOfElementLocated(By.tagName("h1")));
    }

    @AfterEach
    void closeBrowser() {
        admin.quit();
    }

    @Test
    @Order(1)
    void theFixtureIsCreated() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(BASE.resolve("it/instances-fixture"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        for (String pair : created.body().split("&")) {
            String[] parts = pair.split("=");
            ids.put(parts[0], Long.valueOf(parts[1]));
        }
        assertEquals(4, ids.size(), created.body());
    }

    @Test
    @Order(2)
    void theUrlFiltersByClassStatusNodeAndPeriod() {
        admin.manage().window().setSize(new Dimension(1400, 1000));
        open("class=" + LISTED);
        assertEquals("1-25 of 36", report());
        Browsers.screenshot(admin, "instances.png");
        assertTrue(admin.findElements(By.cssSelector("#instances\\:table thead input")).isEmpty(),
                "no column filters: the filter is the form above, in the URL");
        assertEquals(25, rows().size());
        assertEquals(ids.get("aged"), firstRowId(), "newest first");

        open("class=" + LISTED + "&status=failed");
        assertEquals(List.of(ids.get("failed")), rowIds());
        assertTrue(rows().get(0).getText().contains("Failed"), rows().get(0).getText());

        open("class=" + LISTED + "&status=running&node=hold");
        assertEquals(3, rows().size());
        assertTrue(rows().get(0).getText().contains("hold"), "the nodes it waits at: " + rows().get(0).getText());

        open("class=" + LISTED + "&status=finished&from=2020-03-01&to=2020-03-10");
        assertEquals(List.of(ids.get("dated")), rowIds(), "to is inclusive");
        open("class=" + LISTED + "&from=2020-03-11&to=2020-03-31");
        assertEquals("No automation matches the filter.", admin.findElement(By.cssSelector(".ui-datatable-empty-message")).getText());

        open("class=" + LISTED + "&days=30");
        assertEquals("1-25 of 34", report(), "the one from 40 days ago and the one from 2020 are outside");
        open("class=" + LISTED + "&status=running&days=30");
        assertEquals("1-25 of 32", report());

        open("class=" + LISTED + "&sort=created&order=asc");
        assertEquals(ids.get("dated"), firstRowId(), "sorted by creation, oldest first");

        // A parameter that cannot be used is named and ignored.
        open("class=" + LISTED + "&status=sleeping");
        assertTrue(admin.findElement(By.id("invalidFilter")).getText().contains("status"));
        assertEquals("1-25 of 36", report());

        // The form writes the filter into the URL: a link that can be shared.
        new Select(admin.findElement(By.id("status"))).selectByValue("failed");
        admin.findElement(By.id("applyFilter")).click();
        Browsers.waitFor(admin).until(d -> d.getCurrentUrl().contains("status=failed"));
        assertTrue(admin.getCurrentUrl().contains("class=" + LISTED), admin.getCurrentUrl());
        assertEquals(List.of(ids.get("failed")), rowIds());
        assertEquals("failed", new Select(admin.findElement(By.id("status"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    @Order(3)
    void pagesAreCountedAndReadInTheDatabase() throws Exception {
        stats("reset");
        open("class=" + LISTED + "&status=running");
        assertEquals("1-25 of 33", report());
        long firstPage = Long.parseLong(stats("read"));
        assertTrue(firstPage > 0 && firstPage <= 25, "read " + firstPage + " automations for a page of 25");
        List<Long> page1 = rowIds();

        admin.findElement(By.cssSelector(".ui-paginator-next")).click();
        Browsers.waitFor(admin).until(d -> report().equals("26-33 of 33"));
        assertEquals(8, rows().size());
        assertTrue(rowIds().stream().noneMatch(page1::contains), "another page");
        long bothPages = Long.parseLong(stats("read"));
        assertTrue(bothPages - firstPage < 33, "read " + (bothPages - firstPage) + " automations for the second page");

        // Sorted by a column header, in the database: the oldest created first.
        open("class=" + LISTED + "&status=running");
        admin.findElement(By.xpath("//th[.//span[contains(@class, 'ui-column-title') and normalize-space() = 'Created']]")).click();
        Browsers.waitFor(admin).until(d -> ids.get("aged").equals(firstRowId()));
        assertEquals("1-25 of 33", report());
    }

    @Test
    @Order(4)
    void theDashboardLinksToTheInstancesTheyLinkToTheHistoryAndBack() {
        admin.get(BASE.resolve("dashboard").toString());
        WebElement item = admin.findElement(By.cssSelector("article[data-class='" + LISTED + "']"));
        assertEquals("32", item.findElement(By.cssSelector(".running")).getText());
        assertEquals("1", item.findElement(By.cssSelector(".finished")).getText(), "finished without an error; 2020 is outside");
        assertEquals("1", item.findElement(By.cssSelector(".failed")).getText(), "failed apart");

        item.findElement(By.cssSelector("a.failed")).click();
        Browsers.waitFor(admin).until(d -> d.getCurrentUrl().contains("/instances?"));
        String instancesUrl = admin.getCurrentUrl();
        assertTrue(instancesUrl.contains("status=failed") && instancesUrl.contains("days=30")
                && instancesUrl.contains("class=" + LISTED), instancesUrl);
        assertEquals(List.of(ids.get("failed")), rowIds());

        rows().get(0).findElement(By.className("history-link")).click();
        Browsers.waitFor(admin).until(d -> d.getCurrentUrl().contains("/dashboard/" + ids.get("failed")));
        assertEquals("History of automation " + ids.get("failed"), admin.findElement(By.tagName("h1")).getText());
        admin.findElement(By.id("backToInstances")).click();
        Browsers.waitFor(admin).until(d -> d.getCurrentUrl().contains("/instances?"));
        assertEquals(instancesUrl, admin.getCurrentUrl(), "back with the same filter");
        assertEquals(List.of(ids.get("failed")), rowIds());

        // Opened without a filter, the way back lists the automation's class.
        admin.get(BASE.resolve("dashboard/" + ids.get("hold")).toString());
        assertEquals(BASE.resolve("instances?class=" + LISTED).toString(),
                admin.findElement(By.id("backToInstances")).getAttribute("href"));
        assertEquals(1, admin.findElements(By.id("instancesLink")).size(), "in the navigation");
    }

    @Test
    @Order(5)
    void theHistoryPageKillsOnlyAfterAConfirmationThatTheKeyboardCannotSlipThrough() {
        long hold = ids.get("hold");
        admin.get(BASE.resolve("dashboard/" + hold + "?back=" + URLEncoder.encode("class=" + LISTED + "&node=hold",
                StandardCharsets.UTF_8)).toString());
        assertTrue(admin.findElements(By.cssSelector(".retry-button")).isEmpty(), "a running automation cannot be retried");
        WebElement kill = admin.findElement(By.cssSelector(".kill-button"));

        // Enter on Kill opens the dialog with the focus on Cancel; Enter again cancels.
        kill.sendKeys(Keys.ENTER);
        WebElement dialog = Browsers.waitFor(admin).until(visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        assertTrue(dialog.getText().contains("#" + hold), "the dialog names the automation");
        Browsers.waitFor(admin).until(d -> focusedClass().contains("ui-confirmdialog-no"));
        admin.switchTo().activeElement().sendKeys(Keys.ENTER);
        Browsers.waitFor(admin).until(invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));

        // Escape closes it.
        admin.findElement(By.cssSelector(".kill-button")).sendKeys(Keys.ENTER);
        Browsers.waitFor(admin).until(visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        admin.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        Browsers.waitFor(admin).until(invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));

        admin.navigate().refresh();
        assertEquals("History of automation " + hold, admin.findElement(By.tagName("h1")).getText(), "not killed");

        // Confirmed with the mouse it is killed; the instances page (with the filter) says so.
        admin.findElement(By.cssSelector(".kill-button")).click();
        Browsers.waitFor(admin).until(visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes"))).click();
        Browsers.waitFor(admin).until(d -> d.getCurrentUrl().contains("/instances?"));
        assertTrue(admin.getCurrentUrl().contains("node=hold"), admin.getCurrentUrl());
        assertEquals("Automation #" + hold + " killed.", message());
        assertEquals(2, rows().size());
        assertFalse(rowIds().contains(hold));
    }

    @Test
    @Order(6)
    void theHistoryPageRetriesAndSkipsAFailedAutomation() {
        long failed = ids.get("failed");
        admin.get(BASE.resolve("dashboard/" + failed).toString());
        assertEquals("failed", admin.findElement(By.id("status")).getText());
        admin.findElement(By.cssSelector(".retry-button")).click();
        assertEquals("Automation #" + failed + " retried: it failed again.", message());
        assertTrue(admin.getCurrentUrl().endsWith("/dashboard/" + failed), admin.getCurrentUrl());

        admin.findElement(By.cssSelector(".skip-button")).click();
        assertEquals("Automation #" + failed + " continued after the failed step: it is running again.", message());
        assertEquals("running", admin.findElement(By.id("status")).getText());
        assertTrue(admin.findElements(By.cssSelector(".retry-button, .skip-button")).isEmpty());
        assertEquals("park", admin.findElement(By.id("waitingAt")).getText());
    }

    @Test
    @Order(7)
    void aUserWithoutTheViewRolesIsRefused() throws Exception {
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        assertEquals(200, HttpSessions.get(jacob, BASE.resolve("tasks")).statusCode(), "jacob is logged in");
        assertEquals(403, HttpSessions.get(jacob, BASE.resolve("instances")).statusCode());
        assertEquals(403, HttpSessions.get(jacob, BASE.resolve("instances?class=" + LISTED)).statusCode());
        // viewer has the view roles but not both change roles: the list, without links to histories it may not open.
        HttpClient viewer = HttpSessions.loggedIn("viewer", "viewer", BASE.resolve("instances"));
        String list = HttpSessions.get(viewer, BASE.resolve("instances?class=" + LISTED)).body();
        assertTrue(list.contains("instance-" + ids.get("aged")), "the viewer sees the list");
        assertFalse(list.contains("history-link"), "but no links to histories");
        HttpResponse<String> anonymous = HttpSessions.get(HttpSessions.anonymous(), BASE.resolve("instances"));
        assertTrue(anonymous.body().contains("j_security_check"), "anonymous callers log in first");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void open(String query) {
        admin.get(BASE.resolve("instances?" + query).toString());
        Browsers.waitFor(admin).until(presenceOfElementLocated(By.id("instances:table")));
    }

    private List<WebElement> rows() {
        return admin.findElements(By.cssSelector("#instances\\:table_data > tr[data-ri]"));
    }

    private List<Long> rowIds() {
        return rows().stream().map(row -> Long.valueOf(row.findElement(By.cssSelector(".instance-id")).getText()
                .replaceAll("[^0-9]", ""))).toList();
    }

    private Long firstRowId() {
        return rowIds().get(0);
    }

    private String report() {
        return admin.findElement(By.cssSelector("#instances\\:table .ui-paginator-current")).getText();
    }

    private String focusedClass() {
        return String.valueOf(((JavascriptExecutor) admin).executeScript("return document.activeElement.className;"));
    }

    private String message() {
        return Browsers.waitFor(admin).until(visibilityOfElementLocated(
                By.cssSelector("#messages .ui-messages-info-summary, #messages .ui-messages-error-summary"))).getText();
    }

    private static String stats(String what) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                BASE.resolve("it/instances-fixture?stats=" + what)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().trim();
    }
}
