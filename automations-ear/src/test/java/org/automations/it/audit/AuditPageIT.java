package org.automations.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The audit page in headless Chromium: an administrator kills a failed automation, and the page,
 * filtered by the URL a colleague was sent, lists the kill with who, class, id and last node; the
 * filter form works by keyboard, puts the filter in the URL and says when nothing matches.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditPageIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final Pattern STARTED = Pattern.compile("#(\\d+) started");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aKillIsListedAndTheFilterIsTheUrl() throws Exception {
        WebDriver admin = Browsers.chromium("en");
        try {
            admin.get(BASE.resolve("audit").toString());
            Browsers.logIn(admin, "admin", "admin");
            admin.get(BASE.toString());
            long id = Browsers.startFromStartPage(admin, "demo:startPartnerSync", STARTED);
            assertEquals(204, kill(id), "killed over the REST API as admin");

            admin.get(BASE.resolve("audit?action=KILL&class=org.automations.demo.PartnerSync").toString());
            assertEquals("killed", new Select(admin.findElement(By.id("action"))).getFirstSelectedOption().getText());
            assertEquals("PartnerSync", new Select(admin.findElement(By.id("class"))).getFirstSelectedOption().getText());
            WebElement row = admin.findElements(By.cssSelector("#audit\\:entries_data tr")).stream()
                    .filter(r -> r.getText().contains("PartnerSync #" + id)).findFirst()
                    .orElseThrow(() -> new AssertionError(admin.findElement(By.id("audit:entries")).getText()));
            assertEquals("admin", row.findElement(By.className("audit-actor")).getText());
            assertEquals("killed", row.findElement(By.className("audit-action")).getText());
            assertTrue(row.getText().contains("fetchOrders"), row.getText());
            List<String> actions = admin.findElements(By.cssSelector("#audit\\:entries_data .audit-action")).stream()
                    .map(WebElement::getText).distinct().toList();
            assertEquals(List.of("killed"), actions, "only kills");
            Browsers.screenshot(admin, "audit.png");

            // By keyboard: a user nobody is, Enter; the URL carries the filter and the page says why it is empty.
            admin.get(BASE.resolve("audit").toString());
            admin.findElement(By.id("actor")).sendKeys("nobody-at-all", Keys.ENTER);
            Browsers.waitFor(admin).until(urlContains("actor=nobody-at-all"));
            assertTrue(admin.findElement(By.id("audit:entries")).getText().contains("No entry matches the filter."));
            assertEquals("nobody-at-all", admin.findElement(By.id("actor")).getAttribute("value"));

            // A part of the URL that does not parse is ignored, and the page says so (once).
            admin.get(BASE.resolve("audit?from=yesterday&action=KILL").toString());
            String messages = admin.findElement(By.id("messages")).getText();
            assertTrue(messages.contains("The from day \"yesterday\" is not a date (yyyy-mm-dd): the filter ignores it."), messages);
            assertEquals(messages.indexOf("is not a date"), messages.lastIndexOf("is not a date"), messages);
            assertEquals("killed", new Select(admin.findElement(By.id("action"))).getFirstSelectedOption().getText());
        } finally {
            admin.quit();
        }
    }

    /** The history page's "Move to": only nodes outside the Split's paths are offered; the move is recorded. */
    @Test
    void aMoveFromTheHistoryPageIsInTheHistoryAndTheAuditLog() throws Exception {
        WebDriver admin = Browsers.chromium("en");
        try {
            admin.get(BASE.resolve("audit").toString());
            Browsers.logIn(admin, "admin", "admin");
            admin.get(BASE.toString());
            long id = Browsers.startFromStartPage(admin, "demo:startIssueDiscussion", STARTED);

            admin.get(BASE.resolve("dashboard/" + id).toString());
            Select target = new Select(admin.findElement(By.id("actions:moveTarget")));
            assertEquals(List.of("start", "parallel", "evaluate", "end"),
                    target.getOptions().stream().map(WebElement::getText).toList(), "no node on the Split's paths, nor its Join");
            target.selectByVisibleText("end");
            admin.findElement(By.id("actions:move")).sendKeys(Keys.ENTER);
            Browsers.waitFor(admin).until(textMatches(By.tagName("body"), Pattern.compile("Automation #" + id + " moved to end")));
            assertEquals("finished", admin.findElement(By.id("status")).getText());
            assertTrue(admin.findElement(By.id("steps")).getText().contains("Moved to end by admin"),
                    admin.findElement(By.id("steps")).getText());

            admin.get(BASE.resolve("audit?action=MOVE").toString());
            WebElement row = admin.findElements(By.cssSelector("#audit\\:entries_data tr")).stream()
                    .filter(r -> r.getText().contains("IssueDiscussion #" + id)).findFirst()
                    .orElseThrow(() -> new AssertionError(admin.findElement(By.id("audit:entries")).getText()));
            assertTrue(row.getText().contains("moved"), row.getText());
            for (String node : List.of("moderate", "warning", "join")) { // the open tasks it left, in their order
                assertTrue(row.getText().matches("(?s).*from [a-z, ]*" + node + ".*"), row.getText());
            }
        } finally {
            admin.quit();
        }
    }

    @Test
    void usersWithoutTheViewRolesGet403() throws Exception {
        WebDriver mary = Browsers.chromium("en");
        try {
            mary.get(BASE.resolve("audit").toString());
            Browsers.logIn(mary, "mary", "mary");
            mary.get(BASE.resolve("audit").toString());
            assertEquals("Not allowed", mary.findElement(By.id("error")).getText());
        } finally {
            mary.quit();
        }
    }

    private static int kill(long id) throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpRequest delete = HttpRequest.newBuilder(BASE.resolve("api/instances/" + id))
                .header("Authorization", "Basic " + basic).DELETE().build();
        return HttpClient.newHttpClient().send(delete, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
