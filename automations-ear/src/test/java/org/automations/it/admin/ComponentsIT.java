package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELException;
import jakarta.el.ELProcessor;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.demo.IssueDiscussion;
import org.automations.demo.NewsletterSignup;
import org.automations.flow.Automation;
import org.automations.it.Deployments;
import org.automations.it.FacesForms;
import org.automations.it.HttpSessions;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The atm: components on real pages: the demo's confirmation page (hook + status), a page that
 * starts automations with a hook, and the task list on the start page. Runs in the server and asks
 * it for pages over HTTP, so the automations it creates are the ones the pages show.
 */
@ExtendWith(ArquillianExtension.class)
class ComponentsIT {

    private static final URI BASE = Deployments.BASE_URI;

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear(ComponentsIT.class);
        ear.getAsType(WebArchive.class, "automations-web.war").addAsWebResource(new StringAsset("""
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                      xmlns:h="jakarta.faces.html" xmlns:atm="https://automations.org/faces">
                <h:head><title>start hook</title></h:head>
                <h:body>
                    <h:outputText value="start hook"/>
                    <atm:hook automation="org.automations.demo.NewsletterSignup" message="confirm" operation="start"/>
                    <h:form id="subscribe">
                        <input type="hidden" name="email" value="#{param.email}"/>
                        <input type="hidden" name="via" value="#{param.via}"/>
                        <h:commandButton id="go" value="Subscribe"/>
                    </h:form>
                </h:body>
                </html>
                """), "it-subscribe.xhtml");
        return ear;
    }

    @Inject
    Automations automations;

    @Inject
    BeanManager beans;

    @Test
    void theConfirmationPageSendsTheMessageWithThePostedParametersAndShowsTheNewStatus() throws Exception {
        NewsletterSignup signup = automations.create(NewsletterSignup.class, Map.of("email", "ada@example.org"));
        assertFalse(automations.find(signup.getId()).orElseThrow().isFinished(), "waits for the confirmation");
        HttpClient browser = HttpSessions.anonymous();

        String link = get(browser, "newsletter-confirm.xhtml?key=" + signup.getKey() + "&via=mail").body();
        assertTrue(link.contains("<dd id=\"subscriptionConfirmed\">not yet</dd>"), link);
        assertFalse(automations.find(signup.getId()).orElseThrow().isFinished(), "opening the link confirms nothing");
        HttpResponse<String> posted = FacesForms.submit(browser, link, "confirmation", "confirmation:confirm", Map.of());
        assertEquals(200, posted.statusCode(), posted.body());
        String page = posted.body();

        assertTrue(page.contains("<dd id=\"subscriptionEmail\">ada@example.org</dd>"), page);
        assertTrue(page.contains("<dd id=\"subscriptionState\">finished</dd>"), page);
        assertFalse(page.contains("not yet"), page);
        Automation after = automations.find(signup.getId()).orElseThrow();
        assertTrue(after.isFinished());
        assertEquals("mail", after.data().getString("confirmedVia"));
        assertEquals(List.of("sendConfirmation", "alreadyConfirmed", "awaitConfirmation", "confirmedInTime", "welcome",
                "end"), automations.getTasks(signup.getId()).stream()
                .map(AutomationTaskModel::getStatus).toList());
    }

    @Test
    void anUnknownKeySendsNothingAndShowsNoStatus() throws Exception {
        NewsletterSignup other = automations.create(NewsletterSignup.class, Map.of("email", "bob@example.org"));

        String page = get(HttpClient.newHttpClient(), "newsletter-confirm.xhtml?key=" + "0".repeat(40)).body();

        assertTrue(page.contains("id=\"unknownSubscription\""), page);
        assertFalse(page.contains("subscriptionEmail"), page);
        assertFalse(automations.find(other.getId()).orElseThrow().isFinished());
    }

    @Test
    void aHookWithOperationStartCreatesAnInstanceFromTheRequest() throws Exception {
        HttpClient browser = HttpSessions.anonymous();
        String page = get(browser, "it-subscribe.xhtml?via=landing&email="
                + URLEncoder.encode("eve@example.org", StandardCharsets.UTF_8)).body();
        assertTrue(eves().isEmpty(), "a GET creates nothing");
        assertEquals(200, FacesForms.submit(browser, page, "subscribe", "subscribe:go", Map.of()).statusCode());

        List<AutomationModel> eves = eves();
        assertEquals(1, eves.size());
        assertEquals(AutomationStatus.FINISHED, eves.get(0).getStatus(), "created, confirmed and welcomed");
        assertEquals("landing", eves.get(0).getData().getString("confirmedVia"));
    }

    @Test
    void aStatusTemplateTheClassDoesNotDeclareIsNamedInTheError() {
        NewsletterSignup signup = automations.create(NewsletterSignup.class, Map.of("email", "carl@example.org"));

        // Asked the way the tag asks: through the bean's EL name.
        ELProcessor el = new ELProcessor();
        el.getELManager().addELResolver(beans.getELResolver());
        el.defineBean("key", signup.getKey());
        el.defineBean("id", signup.getId());

        ELException error = assertThrows(ELException.class, () -> el.eval("atmStatus.templatePath(key, 'Invoice')"));

        assertEquals("atm:status: org.automations.demo.NewsletterSignup declares no status template 'Invoice'"
                + " (declared: Subscription status = /WEB-INF/automations/newsletter-status.xhtml)",
                rootCause(error).getMessage());
        assertEquals("/WEB-INF/automations/newsletter-status.xhtml", el.eval("atmStatus.templatePath(id, '')"));
    }

    @Test
    void theStartPageListsTheLoggedInUsersTasksAndNothingForVisitors() throws Exception {
        IssueDiscussion discussion = automations.create(IssueDiscussion.class,
                Map.of("issueList", "components", "pendingMails", 1));
        long moderation = automations.getTasks(discussion.getId()).stream()
                .filter(t -> t.getStatus().equals("moderate") && t.getFinished() == null)
                .findFirst().orElseThrow().getId();

        HttpClient jacob = HttpSessions.loggedIn("jacob", "jacob", BASE.resolve("tasks"));
        String page = get(jacob, "").body();
        assertTrue(page.contains("class=\"atm-task-link\" href=\"/automations/tasks/" + moderation + "\""), page);
        assertTrue(page.contains("Moderate the new mails"), page);

        String anonymous = get(HttpClient.newHttpClient(), "").body();
        assertFalse(anonymous.contains("atm-task-list"), anonymous);
    }

    private List<AutomationModel> eves() {
        return automations.getLatest(50).stream()
                .filter(m -> m.getAutomationClass().equals(NewsletterSignup.class.getName()))
                .filter(m -> "eve@example.org".equals(m.getData().getString("email"))).toList();
    }

    private static Throwable rootCause(Throwable error) {
        return error.getCause() == null ? error : rootCause(error.getCause());
    }

    private static HttpResponse<String> get(HttpClient client, String page) throws Exception {
        HttpResponse<String> response = HttpSessions.get(client, BASE.resolve(page));
        assertEquals(200, response.statusCode(), page + ": " + response.body());
        return response;
    }

}
