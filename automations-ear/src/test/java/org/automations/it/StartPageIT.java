package org.automations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;

import org.automations.Automations;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Smoke test: the packaged EAR deploys, serves its start page, and its EJBs and datasource work. */
@ExtendWith(ArquillianExtension.class)
class StartPageIT {

    @Deployment(testable = true)
    static EnterpriseArchive deployment() {
        return Deployments.ear(StartPageIT.class);
    }

    @EJB
    Automations automations;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Test
    @RunAsClient
    void startPageAnswers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Deployments.BASE_URI).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Automations for Jakarta EE is running"), response.body());
        // Every id once: the header's task list link and the page's own are two elements.
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(response.body());
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "id \"" + ids.group(1) + "\" twice");
        }
    }

    @Test
    void ejbIsInjectedInContainer() {
        assertTrue(automations.getAutomations().stream()
                .anyMatch(info -> info.className().equals("org.automations.demo.WebinarWorkflow")));
    }

    /** The build passes the Maven profile's database to the server (automations.it.db). */
    @Test
    void datasourceIsTheOneOfTheMavenProfile() throws SQLException {
        String expected = switch (System.getProperty("automations.it.db")) {
            case "h2" -> "H2";
            case "postgresql" -> "PostgreSQL";
            default -> throw new IllegalStateException("automations.it.db not set");
        };
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(expected, connection.getMetaData().getDatabaseProductName());
        }
    }
}
