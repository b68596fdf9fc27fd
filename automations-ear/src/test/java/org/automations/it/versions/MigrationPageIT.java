package org.automations.it.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The migration page in headless Chromium, as the administrator: 30 automations an older version of
 * {@link Migratable} left at the removed node "oldReview" are listed by version and node; a dry run
 * without a target refuses the plan with the reason; with "oldReview → review" it says all 30 move;
 * the started job's progress reaches 30 of 30, the run is listed, the history of a moved automation
 * records the migration, and the errors page links to the page. Driven by keyboard where a user would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MigrationPageIT {

    private static final URI BASE = Deployments.BASE_URI;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(MigrationFixtureServlet.class, Migratable.class, OldVersionRows.class);
    }

    @Test
    void anAdministratorDryRunsAPlanAndMigratesThirtyAutomations() throws Exception {
        HttpResponse<String> fixture = HttpClient.newHttpClient().send(HttpRequest.newBuilder(BASE.resolve("it/migration-fixture"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fixture.statusCode(), fixture.body());
        long first = Long.parseLong(fixture.body().trim());

        WebDriver admin = Browsers.chromium("en");
        try {
            admin.get(BASE.resolve("errors").toString());
            Browsers.logIn(admin, "admin", "admin");
            admin.get(BASE.resolve("errors").toString());
            assertEquals(1, admin.findElements(By.cssSelector("#obsoleteNodes a.migrate-link")).size(),
                    admin.findElement(By.tagName("body")).getText());
            WebElement link = admin.findElement(By.cssSelector("#obsoleteNodes a.migrate-link"));
            assertTrue(link.getAttribute("href").endsWith("/migrations?class="
                    + URLEncoder.encode(Migratable.class.getName(), StandardCharsets.UTF_8)), link.getAttribute("href"));
            link.click();

            Browsers.waitFor(admin).until(presenceOfElementLocated(By.id("groups")));
            String groups = admin.findElement(By.id("groups")).getText();
            assertTrue(groups.contains(OldVersionRows.OLD_VERSION) && groups.contains("oldReview — no longer declared")
                    && groups.contains("30"), groups);

            // No target chosen: the plan moves nothing and says so.
            admin.findElement(By.id("plan:dryRun")).click();
            Browsers.waitFor(admin).until(presenceOfElementLocated(By.id("reasons")));
            assertTrue(admin.findElement(By.id("reasons")).getText().contains("moves no node"),
                    admin.findElement(By.id("reasons")).getText());
            assertTrue(admin.findElements(By.id("plan:start")).isEmpty(), "a refused plan cannot start");

            WebElement target = admin.findElement(By.cssSelector("select[id$=':target']"));
            assertTrue(new Select(target).getOptions().stream().anyMatch(o -> o.getAttribute("value").equals("left")),
                    "a node on a Split's path is offered too (for paths renamed inside a running Split)");
            new Select(target).selectByValue("review");
            // A changed plan drops the dry run shown: it described another plan.
            Browsers.waitFor(admin).until(d -> d.findElements(By.id("reasons")).isEmpty());
            admin.findElement(By.id("plan:dryRun")).sendKeys(Keys.ENTER);
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("dryRunSummary"),
                    "30 automations move, 0 stay, 0 cannot be handled by this plan."));
            assertTrue(admin.findElement(By.id("plan:instances")).getText().contains("continue at review"));
            Browsers.screenshot(admin, "migration.png");

            admin.findElement(By.id("plan:start")).sendKeys(Keys.ENTER);
            new WebDriverWait(admin, Duration.ofSeconds(60)).until(textToBePresentInElementLocated(By.id("counts"),
                    "30 of 30 automations moved"));
            Browsers.waitFor(admin).until(textToBePresentInElementLocated(By.id("runs"), "Completed"));
            assertTrue(admin.findElement(By.id("runs")).getText().contains("oldReview → review"));

            admin.get(BASE.resolve("dashboard/" + first).toString());
            String history = admin.findElement(By.tagName("main")).getText();
            assertTrue(history.contains("Migrated to review by admin (migration run "), history);
        } finally {
            admin.quit();
        }
    }
}
