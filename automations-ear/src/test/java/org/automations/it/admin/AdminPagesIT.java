package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard, an automation's history and a traceback in a real browser (headless Chromium),
 * as the administrator: counts, chart, obsolete class and a class's own dashboard template; the
 * manual's issue discussion with its three paths side by side and its flow graph with the nodes it
 * waits at; the escaped stack trace of a failed automation. jacob, without admin roles, gets 403.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesIT {

    private static final URI BASE = Deployments.BASE_URI;
    /** The fixture's ids (discussion, failed, obsolete), filled by the first test. */
    private static final Map<String, Long> ids = new HashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(AdminFixtureServlet.class, Exploding.class, Hidden.class);
    }

    @Test
    @Order(1)
    void theFixtureIsCreated() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(BASE.resolve("it/admin-fixture"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        for (String pair : created.body().split("&")) {
            String[] parts = pair.split("=");
            ids.put(parts[0], Long.valueOf(parts[1]));
        }
        assertEquals(3, ids.size(), created.body());
    }

    @Test
    @Order(2)
    void theDashboardShowsCountsTheChartAndTheObsoleteClass() throws Exception {
        WebDriver admin = adminBrowser("dashboard");
        try {
            WebElement discussions = item(admin, "org.automations.demo.IssueDiscussion");
            assertTrue(discussions.findElement(By.tagName("h2")).getText().contains("Issue discussions"));
            assertTrue(Long.parseLong(discussions.findElement(By.cssSelector(".running")).getText()) >= 1);
            WebElement exploding = item(admin, Exploding.class.getName());
            assertEquals("1", exploding.findElement(By.cssSelector(".failed")).getText());
            assertEquals("0", exploding.findElement(By.cssSelector(".finished")).getText(), "failed is not finished");
            assertEquals("0", exploding.findElement(By.cssSelector(".running")).getText());

            WebElement obsolete = item(admin, AdminFixtureServlet.OBSOLETE_CLASS);
            assertEquals("Obsolete automation " + AdminFixtureServlet.OBSOLETE_CLASS,
                    obsolete.findElement(By.tagName("h2")).getText());
            assertEquals("1", obsolete.findElement(By.cssSelector(".finished")).getText());
            assertTrue(admin.findElements(By.cssSelector("[data-class='" + Hidden.class.getName() + "']")).isEmpty(),
                    "@Meta(dashboard = false) hides the class");

            // The demo's WebinarWorkflow has its own template, filled from its getDashboardContext.
            WebElement webinars = item(admin, "org.automations.demo.WebinarWorkflow");
            assertEquals("webinar", webinars.getAttribute("data-template"));
            assertTrue(webinars.findElement(By.cssSelector(".webinar-latest")).getText().contains("ada@example.org"));

            // The chart is drawn by Chart.js into its canvas; the table holds the same numbers.
            Browsers.waitFor(admin).until(presenceOfElementLocated(By.cssSelector("#chart canvas")));
            Browsers.waitFor(admin).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "var c = document.querySelector('#chart canvas'); return !!(window.Chart && Chart.getChart(c));")));
            Object bars = ((JavascriptExecutor) admin).executeScript(
                    "return Chart.getChart(document.querySelector('#chart canvas')).data.datasets.length;");
            assertEquals(3L, bars);
            List<WebElement> days = admin.findElements(By.cssSelector("#activityTable tbody tr"));
            assertEquals(31, days.size(), "the last 30 days and today");
            WebElement today = days.get(days.size() - 1);
            assertTrue(Long.parseLong(today.findElement(By.cssSelector(".started")).getAttribute("textContent")) >= 4);
            assertTrue(Long.parseLong(today.findElement(By.cssSelector(".failed")).getAttribute("textContent")) >= 1);

            // Another period, chosen with the keyboard-usable form: 0 = all time.
            admin.findElement(By.id("history")).clear();
            admin.findElement(By.id("history")).sendKeys("0");
            admin.findElement(By.id("showPeriod")).click();
            Browsers.waitFor(admin).until(d -> d.getCurrentUrl().endsWith("history=0"));
            assertEquals("Automations started at any time", admin.findElement(By.id("periodText")).getText());
            admin.get(BASE.resolve("dashboard?history=abc").toString());
            assertTrue(admin.findElement(By.id("invalidHistory")).isDisplayed());
        } finally {
            admin.quit();
        }
    }

    @Test
    @Order(3)
    void theHistoryOfAnIssueDiscussionShowsItsPathsSideBySideAndItsGraph() throws Exception {
        long id = ids.get("discussion");
        WebDriver admin = adminBrowser("dashboard/" + id);
        try {
            assertEquals("History of automation " + id, admin.findElement(By.tagName("h1")).getText());
            assertEquals(3, admin.findElements(By.cssSelector("#steps .history-path")).size());
            WebElement moderation = step(admin, "moderation");
            WebElement warning = step(admin, "warning");
            WebElement confCall = step(admin, "confCall");
            assertEquals(moderation.getLocation().getY(), warning.getLocation().getY(), "side by side");
            assertEquals(moderation.getLocation().getY(), confCall.getLocation().getY(), "side by side");
            assertTrue(moderation.getLocation().getX() < warning.getLocation().getX());
            assertTrue(warning.getLocation().getX() < confCall.getLocation().getX());
            assertTrue(step(admin, "moderate").getLocation().getY() > moderation.getLocation().getY(), "a path runs downwards");
            assertTrue(step(admin, "moderate").getAttribute("class").contains("step-open"));
            assertTrue(step(admin, "start").getText().contains("Publish the announcement"));
            assertTrue(step(admin, "moderateCall").getText().contains("\"calendar blocked\""), "results are shown");

            // The declaration and the graph; the nodes this instance waits at are highlighted.
            assertEquals(11, admin.findElements(By.cssSelector("#declaration tbody tr")).size());
            assertTrue(admin.findElement(By.cssSelector("#declaration tr[data-node='repeat']")).getText()
                    .contains("then \u2192 join, else \u2192 moderation"));
            assertEquals(11, admin.findElements(By.cssSelector("#flowGraph g.node")).size());
            assertTrue(admin.findElements(By.cssSelector("#flowGraph path.edge")).size() >= 15);
            for (String waiting : List.of("moderate", "warning", "join")) {
                assertEquals(1, admin.findElements(By.cssSelector("#flowGraph g.node-waiting[data-node='" + waiting + "']")).size(),
                        waiting + " is highlighted");
            }
            assertEquals(3, admin.findElements(By.cssSelector("#flowGraph g.node-waiting")).size());
            assertTrue(admin.findElement(By.cssSelector("#flowGraph g[data-node='parallel'] rect")).getSize().getWidth() > 0,
                    "the SVG is rendered");
            assertTrue(admin.findElements(By.cssSelector(".traceback-link")).isEmpty(), "nothing failed");

            // A class no longer deployed: the steps are there, the declaration is not.
            long obsolete = ids.get("obsolete");
            admin.get(BASE.resolve("dashboard/" + obsolete).toString());
            assertTrue(admin.findElement(By.id("declarationUnavailable")).getText().contains(AdminFixtureServlet.OBSOLETE_CLASS));
            assertEquals(2, admin.findElements(By.cssSelector("#steps li.history-step")).size());
            assertTrue(admin.findElements(By.id("flowGraph")).isEmpty());
        } finally {
            admin.quit();
        }
    }

    @Test
    @Order(4)
    void theTracebackOfAFailedStepIsShownEscaped() throws Exception {
        long id = ids.get("failed");
        WebDriver admin = adminBrowser("dashboard/" + id);
        try {
            assertTrue(step(admin, "explode").getAttribute("class").contains("step-failed"));
            admin.findElement(By.cssSelector("li[data-node='explode'] a.traceback-link")).click();
            Browsers.waitFor(admin).until(presenceOfElementLocated(By.id("traceback")));
            assertTrue(admin.getCurrentUrl().contains("/dashboard/" + id + "/traceback/"), admin.getCurrentUrl());
            String trace = admin.findElement(By.id("traceback")).getText();
            assertTrue(trace.startsWith("java.lang.IllegalStateException: " + Exploding.MESSAGE), trace);
            assertTrue(trace.contains("org.automations.it.admin.Exploding.explode(Exploding.java:"), trace);
            assertTrue(admin.findElements(By.cssSelector("#traceback script, #traceback b, #message b")).isEmpty(),
                    "markup in the trace is text, not elements");

            // The container's frames (WildFly, Weld, EJB interceptors, reflection) are folded, saying how
            // many; the application's frames stay open.
            List<WebElement> folded = admin.findElements(By.cssSelector("#traceback details.container-frames"));
            assertFalse(folded.isEmpty(), "container frames are folded");
            int containerFrames = 0;
            for (WebElement details : folded) {
                assertNull(details.getAttribute("open"), "folded until opened");
                int frames = Integer.parseInt(details.getAttribute("data-frames"));
                assertEquals(frames + " container frames (application server, CDI, JPA, reflection)",
                        details.findElement(By.tagName("summary")).getText());
                containerFrames += frames;
            }
            String hidden = (String) ((JavascriptExecutor) admin).executeScript("return Array.from(document.querySelectorAll("
                    + "'#traceback details.container-frames pre')).map(p => p.textContent).join('\\n');");
            assertTrue(hidden.contains("org.jboss."), "WildFly's frames are among the folded ones");
            assertEquals(containerFrames, hidden.split("\\n").length);
            assertFalse(trace.contains("org.jboss."), "no container frame is shown: " + trace);
            assertFalse(trace.contains("jdk.internal."), "no container frame is shown: " + trace);
            assertTrue(trace.contains("org.automations.engine."), "the engine's frames are shown");
            assertFalse(admin.getTitle().contains("pwned"));
            assertEquals("explode", admin.findElement(By.id("node")).getText());
            assertTrue(admin.findElement(By.id("message")).getText().contains(Exploding.MESSAGE));

            admin.findElement(By.id("backToHistory")).click();
            Browsers.waitFor(admin).until(d -> d.getCurrentUrl().endsWith("/dashboard/" + id));

            // A step that did not fail has no traceback.
            String startTask = step(admin, "start").getAttribute("data-task");
            admin.get(BASE.resolve("dashboard/" + id + "/traceback/" + startTask).toString());
            assertEquals("No traceback available.", admin.findElement(By.id("noTraceback")).getText());
        } finally {
            admin.quit();
        }
    }

    @Test
    @Order(5)
    void jacobWithoutAdminRolesIsRefused() throws Exception {
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        assertEquals(200, get(jacob, BASE.resolve("tasks")).statusCode(), "jacob is logged in");
        long discussion = ids.get("discussion");
        assertEquals(403, get(jacob, BASE.resolve("dashboard")).statusCode());
        assertEquals(403, get(jacob, BASE.resolve("dashboard/" + discussion)).statusCode());
        assertEquals(403, get(jacob, BASE.resolve("dashboard/" + ids.get("failed") + "/traceback/1")).statusCode());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static WebDriver adminBrowser(String page) throws Exception {
        WebDriver admin = Browsers.chromium("en");
        admin.get(BASE.resolve(page).toString());
        Browsers.logIn(admin, "admin", "admin");
        Browsers.waitFor(admin).until(d -> d.getCurrentUrl().equals(BASE.resolve(page).toString()));
        Browsers.waitFor(admin).until(presenceOfElementLocated(By.tagName("h1")));
        return admin;
    }

    private static WebElement item(WebDriver browser, String className) {
        return browser.findElement(By.cssSelector("article[data-class='" + className + "']"));
    }

    /** The first step at that node in the history. */
    private static WebElement step(WebDriver browser, String node) {
        return browser.findElement(By.cssSelector("#steps li[data-node='" + node + "']"));
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
