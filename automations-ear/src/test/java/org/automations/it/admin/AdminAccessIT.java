package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may open the administration pages (API.md section 4): anonymous callers are sent to the
 * login form, users without both roles get 403 on every page, administrators get the pages and 404
 * for automations and tasks that do not exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccessIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final List<String> PAGES = List.of("dashboard", "dashboard/1", "dashboard/1/traceback/1",
            "errors", "history-cleanup", "audit", "instances", "migrations");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(AdminAccessIT.class);
    }

    @Test
    void anonymousCallersAreAskedToLogIn() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> response = get(HttpSessions.anonymous(), page);
            assertTrue(response.body().contains("j_security_check"), page + ": login form expected");
            // The login page is one of the site's: its header with the product's name, no link to itself.
            assertTrue(response.body().contains("<header class=\"site-header\">"), response.body());
            assertTrue(response.body().contains(">Automations</a>"), response.body());
            assertFalse(response.body().contains("id=\"loginLink\""), response.body());
        }
    }

    @Test
    void usersWithoutTheRolesGet403OnEveryPage() throws Exception {
        for (String user : List.of("mary", "jacob")) { // no administration role at all
            HttpClient client = loggedIn(user);
            for (String page : PAGES) {
                HttpResponse<String> response = get(client, page);
                assertEquals(403, response.statusCode(), user + " on " + page);
                // The page says why in this case's words, not the task pages' "assigned to someone else".
                assertTrue(response.body().contains("This page is for administrators of automations"), response.body());
                assertFalse(response.body().contains("assigned to someone else"), response.body());
            }
        }
    }

    @Test
    void bothRolesOfAPairAreNeeded() throws Exception {
        // viewer: both view roles, but only automations.change_automationmodel of the change pair.
        HttpClient viewer = loggedIn("viewer");
        assertEquals(200, get(viewer, "dashboard").statusCode());
        assertEquals(200, get(viewer, "audit").statusCode(), "the audit log needs the view roles only");
        assertEquals(200, get(viewer, "instances").statusCode(), "the instances page needs the view roles only");
        for (String page : List.of("dashboard/1", "dashboard/1/traceback/1", "errors", "history-cleanup", "migrations")) {
            assertEquals(403, get(viewer, page).statusCode(), "viewer on " + page);
        }
        String dashboard = get(viewer, "dashboard").body();
        assertTrue(dashboard.contains("id=\"dashboardLink\""), "the navigation offers the dashboard");
        assertFalse(dashboard.contains("id=\"errorsLink\""), "but not the errors page");
        assertTrue(dashboard.contains("id=\"instancesLink\""), "and the instances page");
    }

    @Test
    void administratorsGetThePagesAnd404ForWhatDoesNotExist() throws Exception {
        HttpClient admin = loggedIn("admin");
        for (String page : List.of("dashboard", "errors", "history-cleanup", "instances")) {
            assertEquals(200, get(admin, page).statusCode(), page);
        }
        for (String page : List.of("dashboard/999999999", "dashboard/abc", "dashboard/999999999/traceback/1",
                "dashboard/1/traceback/x", "dashboard/1/history")) {
            assertEquals(404, get(admin, page).statusCode(), page);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String page) throws Exception {
        return HttpSessions.get(client, BASE.resolve(page));
    }

    /** Logged in on the errors page (the demo passwords are the user names). */
    private static HttpClient loggedIn(String user) throws Exception {
        return HttpSessions.loggedIn(user, user, BASE.resolve("errors"));
    }
}
