package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.Data;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.it.FacesForms;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A form with its own Facelets template: the page renders the template with the form bean and the
 * context merged from configuration, the automation and the node; Bean Validation still applies; a
 * valid submission goes to the node's success URL. Posted as a browser would (HTTP, Faces view state).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormTemplateIT {

    private static final URI BASE = Deployments.BASE_URI;

    private static final String TEMPLATE = """
            <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                            xmlns:h="jakarta.faces.html">
                <p id="greeting">#{context.greeting}</p>
                <p id="site">#{context.site}</p>
                <p id="footer">#{context.footer}</p>
                <h:outputLabel for="text" value="Your answer"/>
                <h:inputText id="text" value="#{form.text}"/>
                <h:message id="textMessage" for="text"/>
            </ui:composition>
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear(FormTemplateIT.class, Answer.class);
        ear.getAsType(WebArchive.class, "automations-web.war").addAsWebInfResource(new StringAsset(TEMPLATE),
                "test-form.xhtml");
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-config.jar").addAsManifestResource(
                new StringAsset("automations.form-view-context.footer=Configured footer\n"
                        + "automations.form-view-context.greeting=Overridden by the node\n"),
                "microprofile-config.properties"));
        return ear;
    }

    @Inject
    Automations automations;

    public static class Templated extends Automation {
        Form ask = new Form(Answer.class).user("jacob").template("/WEB-INF/test-form.xhtml")
                .context(Map.of("greeting", "Hello from the node")).successUrl("/automations/?from=template")
                .description("Answer in your own words");
        End end = new End();

        @Override
        public Map<String, Object> getFormContext() {
            return Map.of("site", "Automation site");
        }
    }

    @Test
    @Order(1)
    void aTemplatedFormWaitsForJacob() {
        automations.create(Templated.class, Map.of());
        assertEquals(1, automations.getOpenTasks("jacob").size());
    }

    @Test
    @Order(2)
    @RunAsClient
    void theTemplateIsRenderedValidatedAndSubmitted() throws Exception {
        HttpClient jacob = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        get(jacob, BASE.resolve("tasks"));
        HttpResponse<String> list = post(jacob, BASE.resolve("j_security_check"),
                Map.of("j_username", "jacob", "j_password", "jacob"));
        Matcher link = Pattern.compile("/automations/tasks/(\\d+)").matcher(list.body());
        assertTrue(link.find(), list.body());
        URI task = BASE.resolve("tasks/" + link.group(1));

        HttpResponse<String> page = get(jacob, task);
        assertTrue(page.body().contains("<p id=\"greeting\">Hello from the node</p>"), page.body());
        assertTrue(page.body().contains("<p id=\"site\">Automation site</p>"));
        assertTrue(page.body().contains("<p id=\"footer\">Configured footer</p>"));
        assertTrue(page.body().contains("Answer in your own words"));

        HttpResponse<String> invalid = submit(jacob, task, page.body(), "");
        assertEquals(200, invalid.statusCode());
        assertFalse(page.body().contains("must not be blank"));
        assertTrue(Pattern.compile("id=\"form:textMessage\"[^>]*>[^<]*must not be blank").matcher(invalid.body()).find(),
                "the error is shown at the field: " + invalid.body());
        assertEquals(task, invalid.uri());

        HttpResponse<String> valid = submit(jacob, task, invalid.body(), "In my own words");
        assertEquals(200, valid.statusCode());
        assertEquals(BASE.resolve("?from=template"), valid.uri(), "the node's success URL");
    }

    @Test
    @Order(3)
    void theAnswerIsStored() {
        Automation templated = automations.getLatest(1).get(0).getInstance();
        Data data = automations.find(templated.getId()).orElseThrow().data();
        assertEquals("In my own words", data.getMap("ask").get("text"));
        assertTrue(templated.isFinished());
    }

    // ---- a browser's part -------------------------------------------------------------------------

    private static HttpResponse<String> submit(HttpClient client, URI task, String page, String text) throws Exception {
        // As the browser's PrimeFaces script does: the view state, the CSP nonce, the field, the button.
        return FacesForms.submit(client, page, "form", "form:submit", Map.of("form:text", text));
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
