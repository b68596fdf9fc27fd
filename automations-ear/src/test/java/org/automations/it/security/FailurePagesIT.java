package org.automations.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.automations.it.Deployments;
import org.automations.it.FacesForms;
import org.automations.it.HttpSessions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, finding 2: whatever a visitor sends, the answer is an error page in the visitor's
 * language that names no class, no stack frame and no version; a form posted after its session
 * ended reloads its page saying "Your session expired".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FailurePagesIT {

    private static final URI BASE = Deployments.BASE_URI;
    /** What Undertow's and Faces' own error pages show: none of it may reach a visitor. */
    private static final List<String> REVEALING = List.of("Exception", "\tat ", "at org.", "at jakarta.",
            "Undertow", "WildFly", "Mojarra", "Caused by", ".java:");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear();
        // A page whose expression throws: stands for any bug on a page.
        ear.getAsType(WebArchive.class, "automations-web.war").addAsWebResource(new StringAsset("""
                <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets">
                    <p>#{atmStatus.templatePath('0000000000000000000000000000000000000000', 'none')}</p>
                </ui:composition>
                """), "it-broken.xhtml");
        return ear;
    }

    @Test
    void aPageThatThrowsAnswers500WithTheErrorPageInBothLanguages() throws Exception {
        HttpResponse<String> english = send(get("it-broken.xhtml", "en"));
        HttpResponse<String> german = send(get("it-broken.xhtml", "de"));

        assertEquals(500, english.statusCode());
        assertTrue(english.body().contains("Something went wrong"), english.body());
        assertTrue(german.body().contains("Etwas ist schiefgegangen"), german.body());
        assertRevealsNothing(english);
        assertRevealsNothing(german);
    }

    @Test
    void anUnknownPageAnswers404AndAWrongMethod405InBothLanguages() throws Exception {
        HttpResponse<String> missing = send(get("no-such-page.xhtml", "de"));
        HttpResponse<String> put = send(HttpRequest.newBuilder(BASE.resolve("logout"))
                .PUT(HttpRequest.BodyPublishers.noBody()).header("Accept-Language", "en").build());

        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Nicht gefunden"), missing.body());
        assertEquals(405, put.statusCode());
        assertTrue(put.body().contains("Not allowed here"), put.body());
        assertRevealsNothing(missing);
        assertRevealsNothing(put);
    }

    @Test
    void theNewsletterPageWithAnIdAsKeyRevealsNothing() throws Exception {
        HttpResponse<String> response = send(get("newsletter-confirm.xhtml?key=1", "en"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("id=\"unknownSubscription\""), response.body());
        assertRevealsNothing(response);
    }

    @Test
    void aForgedOrHugeViewStateOrAnEndedSessionReloadsThePageSayingTheSessionExpired() throws Exception {
        HttpClient browser = HttpSessions.anonymous();
        String page = HttpSessions.get(browser, BASE).body();
        HttpClient otherBrowser = HttpSessions.anonymous(); // no session: as after a timeout

        for (Map.Entry<HttpClient, String> attempt : List.of(
                Map.entry(browser, "forged"),
                Map.entry(browser, "A".repeat(100_000)),
                Map.entry(otherBrowser, FacesForms.fields(page, "demo").get("jakarta.faces.ViewState")))) {
            HttpResponse<String> response = FacesForms.submit(attempt.getKey(), page, "demo", "demo:startWebinar",
                    Map.of("jakarta.faces.ViewState", attempt.getValue()));
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("id=\"sessionExpired\""), response.body());
            assertTrue(response.body().contains("Your session expired"), response.body());
            assertRevealsNothing(response);
        }
    }

    @Test
    void noResponseNamesTheServerOrItsVersion() throws Exception {
        for (String page : List.of("", "login.xhtml", "no-such-page.xhtml", "it-broken.xhtml")) {
            HttpResponse<String> response = send(get(page, "en"));
            assertTrue(response.headers().firstValue("Server").isEmpty(), page + ": " + response.headers().map());
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), page + ": " + response.headers().map());
        }
    }

    private static void assertRevealsNothing(HttpResponse<String> response) {
        for (String text : REVEALING) {
            assertFalse(response.body().contains(text), "'" + text + "' in " + response.uri() + ": " + response.body());
        }
    }

    private static HttpRequest get(String page, String language) {
        return HttpRequest.newBuilder(BASE.resolve(page)).header("Accept-Language", language).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
