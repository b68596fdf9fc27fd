package org.automations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** FORM login against the Elytron realm the build configures, and groups becoming roles. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(SecurityIT.class, WhoAmIServlet.class);
    }

    @Test
    void adminHasTheSuperuserRoleAndThePermissions() throws Exception {
        assertEquals("user=admin roles=superuser,automations.view_automationmodel,"
                + "automations.view_automationtaskmodel,automations.change_automationmodel,"
                + "automations.change_automationtaskmodel", logInAndAskWhoAmI("admin", "admin").body());
    }

    @Test
    void jacobIsAModerator() throws Exception {
        assertEquals("user=jacob roles=Moderators", logInAndAskWhoAmI("jacob", "jacob").body());
    }

    @Test
    void maryHasNoRole() throws Exception {
        assertEquals("user=mary roles=", logInAndAskWhoAmI("mary", "mary").body());
    }

    @Test
    void aWrongPasswordShowsTheLoginErrorPage() throws Exception {
        HttpResponse<String> response = logInAndAskWhoAmI("admin", "wrong");
        assertTrue(response.body().contains("Login failed"), response.body());
    }

    @Test
    void theStartPageNeedsNoLogin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Deployments.BASE_URI).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("j_security_check"), response.body());
    }

    /** What a browser does: ask for a protected page, get the login form, post it, follow the redirect. */
    private static HttpResponse<String> logInAndAskWhoAmI(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(Deployments.BASE_URI.resolve("it/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(loginPage.body().contains("j_security_check"), loginPage.body());

        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(Deployments.BASE_URI.resolve("j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
