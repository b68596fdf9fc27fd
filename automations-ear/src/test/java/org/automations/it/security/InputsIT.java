package org.automations.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.automations.Automations;
import org.automations.demo.IssueDiscussion;
import org.automations.it.Deployments;
import org.automations.it.FacesForms;
import org.automations.it.HttpSessions;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, finding 6: inputs are refused, never silently changed: a text longer than its
 * {@code @Size} gets the field's message and nothing is stored; a {@code back} path with odd
 * characters falls back to the task list; the dashboard caps its period.
 */
@ExtendWith(ArquillianExtension.class)
class InputsIT {

    private static final URI BASE = Deployments.BASE_URI;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(InputsIT.class);
    }

    @Inject
    Automations automations;

    @Test
    void aTextLongerThanItsSizeIsRefusedAtTheFieldNotCut() throws Exception {
        long automation = newDiscussion();
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        String page = HttpSessions.get(jacob, BASE.resolve("tasks/" + moderation(automation).getId())).body();

        for (int length : new int[] {201, 100_000}) {
            HttpResponse<String> answer = FacesForms.submit(jacob, page, "form", "form:submit",
                    Map.of("form:summary", "x".repeat(length)));

            assertEquals(200, answer.statusCode(), "length " + length);
            assertTrue(answer.body().contains("size must be between 0 and 200"), "length " + length + ": "
                    + answer.body().substring(0, Math.min(answer.body().length(), 5000)));
            assertNull(moderation(automation).getFinished(), "the task stays open");
            assertNull(automations.find(automation).orElseThrow().data().get("moderate"), "nothing stored");
        }
        FacesForms.submit(jacob, page, "form", "form:submit", Map.of("form:summary", "x".repeat(200)));
        assertEquals("x".repeat(200), automations.find(automation).orElseThrow().data().getMap("moderate").get("summary"),
                "200 characters fit");
    }

    @Test
    void aBackPathWithOddCharactersFallsBackToTheTaskList() throws Exception {
        long automation = newDiscussion();
        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        String page = HttpSessions.get(jacob, BASE.resolve("tasks/" + moderation(automation).getId()
                + "?back=%2F%E3%80%80%2Fevil.example")).body();
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(jacob.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> answer = FacesForms.submit(noRedirects, page, "form", "form:submit",
                Map.of("form:summary", "fine"));

        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElse("(none)");
        assertTrue(location.endsWith("/automations/tasks"), location);
    }

    @Test
    void theDashboardRefusesAPeriodOfTenThousandDays() throws Exception {
        HttpClient admin = HttpSessions.loggedIn("admin", "admin", BASE.resolve("dashboard"));

        HttpResponse<String> page = HttpSessions.get(admin, BASE.resolve("dashboard?history=10000"));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"invalidHistory\""), "says the period was not used");
        assertTrue(page.body().length() < 500_000, "a page, not " + page.body().length() + " characters");
    }

    private long newDiscussion() {
        return automations.create(IssueDiscussion.class, Map.of("issueList", "inputs", "pendingMails", 1)).getId();
    }

    private AutomationTaskModel moderation(long automation) {
        return automations.getTasks(automation).stream().filter(t -> t.getStatus().equals("moderate"))
                .reduce((first, second) -> second).orElseThrow();
    }
}
