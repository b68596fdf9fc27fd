package org.automations.it.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;
import org.automations.versions.Declaration;
import org.automations.versions.DeclarationChanges;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Definition versions (issue 15 part 1): the deployment records every class's declaration under its
 * version; an instance keeps the version it started with and records the one each step ran with; the
 * changes from an instance's version to the deployed declaration are listed by node.
 */
@ExtendWith(ArquillianExtension.class)
class DefinitionVersionsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(DefinitionVersionsIT.class);
    }

    /** Waits an hour, then works and ends. */
    public static class Reminder extends Automation {
        Execute remind = new Execute(this::remind).afterWaitingFor(Duration.ofHours(1)).description("Remind");
        End end = new End();

        void remind(AutomationTaskModel task) {
            task.getData().put("reminded", true);
        }
    }

    @Inject
    Automations automations;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Test
    void theDeploymentRecordsEachClassUnderItsVersion() throws SQLException {
        String version = automations.getDefinitionVersion(Reminder.class.getName()).orElseThrow();
        String declaration = storedDeclaration(Reminder.class.getName(), version);
        assertTrue(declaration.contains("\"name\":\"remind\"") && declaration.contains("afterWaitingFor(PT1H)"), declaration);
        assertEquals(List.of(), automations.getDefinitionVersion("org.example.NotDeployed").stream().toList());
    }

    @Test
    void anInstanceKeepsItsStartVersionAndRecordsTheOneItRanWith() throws Exception {
        String current = automations.getDefinitionVersion(Reminder.class.getName()).orElseThrow();
        long id = automations.create(Reminder.class, Map.of()).getId();
        AutomationModel created = automations.getModel(id).orElseThrow();
        assertEquals(current, created.getStartedVersion());
        assertEquals(current, created.getRunVersion());
        DeclarationChanges none = automations.getDeclarationChanges(id).orElseThrow();
        assertTrue(none.isEmpty(), none.toString());

        // As if it had started under an older declaration: no "end" node yet, and "remind" waited 2 hours.
        String declaration = storedDeclaration(Reminder.class.getName(), current)
                .replace("afterWaitingFor(PT1H)", "afterWaitingFor(PT2H)")
                .replaceAll(",\\{\"name\":\"end\"[^}]*\\}", "");
        assertTrue(!declaration.contains("\"name\":\"end\""), declaration);
        String older = Declaration.fromJson(declaration).version();
        store(Reminder.class.getName(), older, declaration);
        execute("update atm_automation set started_version = ?, run_version = ? where id = ?", older, older, id);

        // The history page says which version it runs on and what changed since.
        String page = HttpSessions.get(HttpSessions.loggedIn("admin", "admin", Deployments.BASE_URI.resolve("dashboard")),
                Deployments.BASE_URI.resolve("dashboard/" + id)).body();
        assertTrue(page.contains(older + "; the deployed declaration is " + current), page);
        assertTrue(page.contains("<li id=\"nodesAdded\">Nodes added since: <code>[end]</code></li>"), page);
        assertTrue(page.contains("<li id=\"nodesChanged\">Nodes changed since: <code>[remind]</code></li>"), page);
        assertFalse(page.contains("nodesRemoved"), page);

        DeclarationChanges changes = automations.getDeclarationChanges(id).orElseThrow();
        assertEquals(older, changes.fromVersion());
        assertEquals(current, changes.toVersion());
        assertEquals(List.of("end"), changes.added());
        assertEquals(List.of(), changes.removed());
        assertEquals(List.of("remind"), changes.changed());

        automations.run(Instant.now().plus(Duration.ofHours(2)));
        AutomationModel after = automations.getModel(id).orElseThrow();
        assertTrue(after.isFinished(), "it ran on with the deployed declaration");
        assertEquals(older, after.getStartedVersion(), "the start version stays");
        assertEquals(current, after.getRunVersion(), "the steps ran with the deployed one");
        assertNotEquals(after.getStartedVersion(), after.getRunVersion());
        assertTrue(automations.getDeclarationChanges(id).orElseThrow().isEmpty());
    }

    private String storedDeclaration(String className, String version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select declaration from atm_definition_version where class_name = ? and version = ?")) {
            select.setString(1, className);
            select.setString(2, version);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no row for version " + version + " of " + className);
                return row.getString(1);
            }
        }
    }

    private void store(String className, String version, String declaration) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into atm_definition_version (class_name, version, declaration, recorded) values (?, ?, ?, ?)")) {
            insert.setString(1, className);
            insert.setString(2, version);
            insert.setString(3, declaration);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
