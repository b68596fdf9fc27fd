package org.automations.it.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;

import java.net.URI;
import java.util.ArrayList;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * README's five-minute tour in headless Chromium, steps 1 to 4 and 8, as a first-time user follows it,
 * in English and in German: each step's visible result as README describes it, and in German none of
 * the English texts users met there before (start page, task form, validation, notices, status).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TourBrowserIT {

    private static final URI BASE = Deployments.BASE_URI;

    /** What the tour shows in one language. */
    record Texts(String language, String deployed, String webinarStarted, String discussionStarted,
                 String running, String myTasks, String moderateTitle, String summaryLabel, String publishLabel,
                 String required, String completed, String confirmationLink, List<String> foreign) {
    }

    static final Texts ENGLISH = new Texts("en", "Deployed automations", "Webinar preparation #(\\d+) started",
            "Issue discussion #(\\d+) started", "running", "My tasks", "Moderate the new mails", "Summary",
            "Publish", "must not be blank", "Task completed. Issue discussion #%d now waits at",
            "Confirmation page of your subscription", List.of());

    /** English a German user met on these pages before issue 17, and Faces' default messages. */
    static final Texts GERMAN = new Texts("de", "Bereitgestellte Automationen", "Webinar-Vorbereitung #(\\d+) gestartet",
            "Themendiskussion #(\\d+) gestartet", "läuft", "Meine Aufgaben", "Die neuen Mails moderieren",
            "Zusammenfassung", "Veröffentlichen", "darf nicht leer sein", "Aufgabe erledigt. Themendiskussion #%d wartet jetzt bei",
            "Bestätigungsseite Ihres Abonnements",
            List.of("Latest automations", "No automation has run yet", "Deployed automations", "Start a webinar",
                    "Issue discussion", "Webinar preparation", "Moderate the new mails", "Summary", "Publish",
                    "RUNNING", "FINISHED", "started", "Submit", "Task completed", "must not be blank",
                    "Validation Error", "Example:", "My tasks", "Logged in as", "Waiting at", "Next look"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theTourInEnglish() throws Exception {
        followTheTour(ENGLISH);
    }

    @Test
    void theTourInGermanHasNoEnglishLeft() throws Exception {
        followTheTour(GERMAN);
    }

    private void followTheTour(Texts texts) throws Exception {
        WebDriver browser = Browsers.chromium(texts.language());
        try {
            // 1. The start page lists the demo automations.
            browser.get(BASE.toString());
            assertTrue(browser.findElement(By.id("demo:automations")).getText().contains(texts.deployed()));
            assertNoForeignText(browser, texts, "start page");

            // 2. Starting a webinar preparation shows it in the latest automations at once, waiting at sendReminder.
            long webinar = start(browser, "demo:startWebinar", texts.webinarStarted());
            String webinarRow = latestRow(browser, webinar);
            assertTrue(webinarRow.contains("sendReminder"), webinarRow);
            assertTrue(webinarRow.contains(texts.running()), webinarRow);

            // 3. An issue discussion waits at three places at once.
            long discussion = start(browser, "demo:startIssueDiscussion", texts.discussionStarted());
            String discussionRow = latestRow(browser, discussion);
            for (String node : List.of("moderate", "warning", "join")) {
                assertTrue(discussionRow.contains(node), discussionRow);
            }

            // 8. The newsletter's confirmation link shows after the press, without a reload.
            browser.findElement(By.id("demo:startNewsletter")).click();
            Browsers.waitFor(browser).until(presenceOfElementLocated(By.id("demo:ownConfirmationLink")));
            assertEquals(texts.confirmationLink(), browser.findElement(By.id("demo:ownConfirmationLink")).getText());
            assertNoForeignText(browser, texts, "start page after the starts");
            Browsers.screenshot(browser, "start-page-" + texts.language() + ".png");

            // 4. My tasks, as jacob: the moderation task; an empty summary is refused at the field.
            browser.findElement(By.id("startTaskListLink")).click();
            Browsers.logIn(browser, "jacob", "jacob");
            browser.get(BASE.resolve("tasks").toString());
            assertEquals(texts.myTasks(), browser.findElement(By.tagName("h1")).getText());
            assertNoForeignText(browser, texts, "task list");
            Browsers.screenshot(browser, "task-list-" + texts.language() + ".png");
            openModerationTaskOf(browser, discussion);
            assertEquals(texts.moderateTitle(), browser.findElement(By.id("title")).getText());
            // A required field's label ends in the asterisk PrimeFaces adds.
            assertEquals(texts.summaryLabel() + "*", browser.findElement(By.cssSelector("label[for='form:summary']")).getText());
            assertEquals(texts.publishLabel(), browser.findElement(By.cssSelector("label[for='form:publish']")).getText());
            browser.findElement(By.id("form:submit")).click();
            Browsers.waitFor(browser).until(textMatches(By.id("form:summaryMessage"), Pattern.compile(".+")));
            assertTrue(browser.findElement(By.id("form:summaryMessage")).getText().contains(texts.required()),
                    browser.findElement(By.id("form:summaryMessage")).getText());
            assertNoForeignText(browser, texts, "task form with an error");
            Browsers.screenshot(browser, "task-form-" + texts.language() + ".png");

            browser.findElement(By.id("form:summary")).sendKeys("Two mails approved");
            browser.findElement(By.id("form:submit")).click();
            Browsers.waitFor(browser).until(presenceOfElementLocated(By.id("notice")));
            String notice = browser.findElement(By.id("notice")).getText();
            assertTrue(notice.startsWith(texts.completed().formatted(discussion)), notice);
            assertTrue(notice.contains("repeat") && !notice.contains("moderate"), notice);
            assertNoForeignText(browser, texts, "task list after the submit");

            // Back on the start page the discussion waits at repeat instead of moderate.
            browser.get(BASE.toString());
            String after = latestRow(browser, discussion);
            assertTrue(after.contains("repeat") && !after.contains("moderate"), after);
        } finally {
            browser.quit();
        }
    }

    /** Presses a start button and reads the new instance's number from the message it shows. */
    private static long start(WebDriver browser, String button, String startedPattern) {
        return Browsers.startFromStartPage(browser, button, Pattern.compile(startedPattern));
    }

    /** The text of the instance's row in the latest automations (the table as the page shows it now). */
    private static String latestRow(WebDriver browser, long id) {
        for (WebElement row : browser.findElements(By.cssSelector("#demo\\:latest_data tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (!cells.isEmpty() && cells.get(0).getText().endsWith(String.valueOf(id))) {
                return row.getText();
            }
        }
        throw new AssertionError("automation " + id + " is not among the latest: "
                + browser.findElement(By.id("demo:latest")).getText());
    }

    /** Opens the moderation task of the given discussion from jacob's list. */
    private static void openModerationTaskOf(WebDriver browser, long discussion) {
        List<String> links = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("#tasks\\:list_data a[href*='/tasks/']"))) {
            links.add(link.getAttribute("href"));
        }
        for (String link : links) {
            browser.get(link);
            if (browser.findElement(By.id("automation")).getText().contains("#" + discussion)) {
                return;
            }
        }
        throw new AssertionError("no moderation task of discussion " + discussion + " among " + links);
    }

    private static void assertNoForeignText(WebDriver browser, Texts texts, String where) {
        String page = browser.findElement(By.tagName("body")).getText();
        for (String english : texts.foreign()) {
            assertFalse(page.contains(english), where + " still says '" + english + "':\n" + page);
        }
    }
}
