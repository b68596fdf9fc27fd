package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URI;
import java.util.regex.Pattern;
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

/**
 * Claiming in a real browser (headless Chromium), as two Moderators and an administrator use it:
 * jacob claims the moderation task of an issue discussion, anna (also a Moderator) sees it claimed by
 * jacob and cannot submit it, jacob releases it and anna could, then admin reassigns it to mary, which
 * the task page and the automation's history show, and anna may no longer open it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskClaimsBrowserIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final Pattern STARTED = Pattern.compile("Issue discussion #(\\d+) started");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void jacobClaimsAnnaSeesItClaimedJacobReleasesAndAdminReassigns() throws Exception {
        WebDriver admin = Browsers.chromium("en");
        WebDriver jacob = Browsers.chromium("en");
        WebDriver anna = Browsers.chromium("en");
        try {
            admin.get(BASE.resolve("dashboard").toString());
            Browsers.logIn(admin, "admin", "admin");
            admin.get(BASE.toString());
            long discussion = startIssueDiscussion(admin);
            String taskUrl = BASE.resolve("tasks/" + openTask(admin, discussion, "moderate")).toString();

            jacob.get(taskUrl);
            Browsers.logIn(jacob, "jacob", "jacob");
            jacob.get(taskUrl);
            assertEquals("Not claimed", jacob.findElement(By.id("claim")).getText());
            assertEquals("group Moderators", jacob.findElement(By.id("assignees")).getText());
            jacob.findElement(By.id("claimForm:claim")).sendKeys(Keys.ENTER); // by keyboard
            Browsers.waitFor(jacob).until(textToBePresentInElementLocated(By.id("claim"), "You have claimed this task."));

            anna.get(taskUrl);
            Browsers.logIn(anna, "anna", "anna");
            anna.get(taskUrl);
            assertEquals("Claimed by jacob", anna.findElement(By.id("claim")).getText());
            assertTrue(anna.findElement(By.id("claimedByOther")).getText().startsWith("jacob has claimed this task"));
            assertFalse(anna.findElement(By.id("form:submit")).isEnabled(), "anna cannot submit jacob's task");
            assertTrue(anna.findElements(By.id("claimForm:claim")).isEmpty(), "nor claim it");
            assertTrue(anna.findElements(By.id("claimForm:release")).isEmpty(), "nor release it");

            jacob.findElement(By.id("claimForm:release")).click();
            Browsers.waitFor(jacob).until(textToBePresentInElementLocated(By.id("claim"), "Not claimed"));
            anna.get(taskUrl);
            assertTrue(anna.findElement(By.id("form:submit")).isEnabled(), "released: anna may submit");
            assertTrue(anna.findElements(By.id("claimedByOther")).isEmpty());

            admin.get(taskUrl);
            admin.findElement(By.id("claimForm:reassignUser")).sendKeys("mary");
            admin.findElement(By.id("claimForm:reassign")).click();
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("assignees"), "user mary"));
            assertTrue(admin.findElement(By.id("claimForm:claimMessages")).getText().contains("The task is now for mary"));

            admin.get(BASE.resolve("dashboard/" + discussion).toString());
            String history = admin.findElement(By.cssSelector("li.step-open[data-node='moderate'] .step-assignments")).getText();
            assertTrue(history.contains("jacob claimed it"), history);
            assertTrue(history.contains("jacob released the claim of jacob"), history);
            assertTrue(history.contains("admin reassigned it to user mary"), history);

            anna.get(taskUrl);
            assertEquals("Not allowed", anna.findElement(By.id("error")).getText(), "the task is mary's now");
        } finally {
            admin.quit();
            jacob.quit();
            anna.quit();
        }
    }

    /** Presses the start page's button and reads the new automation's id from its message. */
    private static long startIssueDiscussion(WebDriver browser) {
        return Browsers.startFromStartPage(browser, "demo:startIssueDiscussion", STARTED);
    }

    /** The id of the automation's open task at the node, read from its history page. */
    private static String openTask(WebDriver admin, long automationId, String node) {
        admin.get(BASE.resolve("dashboard/" + automationId).toString());
        return admin.findElement(By.cssSelector("li.step-open[data-node='" + node + "']")).getAttribute("data-task");
    }
}
