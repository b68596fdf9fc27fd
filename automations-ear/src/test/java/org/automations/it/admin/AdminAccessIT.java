package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.automations.it.Deployments;
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
            "errors", "history-cleanup");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(AdminAccessIT.class);
    }

    @Test
    void anonymousCallersAreAskedToLogIn() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> response = get(browser(), page);
            assertTrue(response.body().contains("j_security_check"), page + ": login form expected");
        }
    }

    @Test
    void usersWithoutTheRolesGet403OnEveryPage() throws Exception {
        for (String user : List.of("mary", "jacob")) {
            HttpClient client = loggedIn(user);
            for (String page : PAGES) {
                assertEquals(403, get(client, page).statusCode(), user + " on " + page);
            }
        }
    }

    @Test
    void administratorsGetThePagesAnd404ForWhatDoesNotExist() throws Exception {
        HttpClient admin = loggedIn("admin");
        for (String page : List.of("dashboard", "errors", "history-cleanup")) {
            assertEquals(200, get(admin, page).statusCode(), page);
        }
        for (String page : List.of("dashboard/999999999", "dashboard/abc", "dashboard/999999999/traceback/1",
                "dashboard/1/traceback/x", "dashboard/1/history")) {
            assertEquals(404, get(admin, page).statusCode(), page);
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> get(HttpClient client, String page) throws Exception {
        return client.send(HttpRequest.newBuilder(BASE.resolve(page)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for the errors page, gets the login form, posts it (the password is the user name). */
    private static HttpClient loggedIn(String user) throws Exception {
        HttpClient client = browser();
        assertTrue(get(client, "errors").body().contains("j_security_check"));
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(BASE.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return client;
    }
}
