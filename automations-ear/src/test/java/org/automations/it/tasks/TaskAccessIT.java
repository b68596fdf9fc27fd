package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.engine.migration.V3TaskPermissions;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may see and process a form task (manual 5.3.9): user, group and permissions must all hold, a
 * superuser may do everything, a form assigned to nobody is for superusers only. Users and roles come
 * from the server's Elytron realm (admin: superuser and the automations.* permissions; jacob:
 * Moderators; mary: none). The list query (SQL) and the single-task rule (Java) must agree.
 */
@ExtendWith(ArquillianExtension.class)
class TaskAccessIT {

    static final String VIEW = "automations.view_automationmodel";
    static final String CHANGE = "automations.change_automationmodel";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TaskAccessIT.class, Answer.class);
    }

    @Inject
    Automations automations;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    /** One form per kind of assignment; an instance is started at each. */
    public static class Assigned extends Automation {
        Form toMary = new Form(Answer.class).user("mary").next("end");
        Form toModerators = new Form(Answer.class).group("Moderators").next("end");
        Form toJacobAsModerator = new Form(Answer.class).user("jacob").group("Moderators").next("end");
        Form toMaryAsModerator = new Form(Answer.class).user("mary").group("Moderators").next("end");
        Form toViewers = new Form(Answer.class).permission(VIEW).next("end");
        Form toViewersWhoChange = new Form(Answer.class).permission(VIEW).permission(CHANGE).next("end");
        Form toModeratingViewers = new Form(Answer.class).group("Moderators").permission(VIEW).next("end");
        Form toNobody = new Form(Answer.class).next("end");
        End end = new End();
    }

    static final List<String> FORMS = List.of("toMary", "toModerators", "toJacobAsModerator", "toMaryAsModerator",
            "toViewers", "toViewersWhoChange", "toModeratingViewers", "toNobody");

    @Test
    void rolesComeFromTheRealm() {
        assertEquals(Set.of("Moderators"), automations.getTaskUser("jacob").roles());
        assertEquals(Set.of(), automations.getTaskUser("mary").roles());
        assertTrue(automations.getTaskUser("admin").isSuperuser());
        assertTrue(automations.getTaskUser("admin").roles().containsAll(Set.of(VIEW, CHANGE)));
        assertEquals(Set.of(), automations.getTaskUser("nobody-of-that-name").roles());
    }

    /** A lookup is no login attempt: WildFly locks a user out after ten failed attempts. */
    @Test
    void lookingAUserUpOftenDoesNotLockThemOut() {
        for (int i = 0; i < 25; i++) {
            assertEquals(Set.of("Moderators"), automations.getTaskUser("jacob").roles(), "lookup " + i);
        }
    }

    @Test
    void eachRealmUserSeesTheTasksAssignedToThem() {
        Map<Long, String> started = startOneAtEachForm();

        assertEquals(Set.of("toMary"), openFor("mary", started));
        assertEquals(Set.of("toModerators", "toJacobAsModerator"), openFor("jacob", started));
        assertEquals(new TreeSet<>(FORMS), openFor("admin", started), "a superuser sees every open task");
    }

    @Test
    void permissionsMustAllBeHeldAndGroupsAndUsersToo() {
        Map<Long, String> started = startOneAtEachForm();

        assertEquals(Set.of("toViewers"), openFor(user("petra", VIEW), started));
        assertEquals(Set.of("toViewers", "toViewersWhoChange"), openFor(user("petra", VIEW, CHANGE), started));
        assertEquals(Set.of("toModerators", "toModeratingViewers", "toViewers"),
                openFor(user("olga", "Moderators", VIEW), started));
        assertEquals(Set.of("toMary", "toModerators", "toMaryAsModerator"), openFor(user("mary", "Moderators"), started));
        assertEquals(Set.of(), openFor(user("anna"), started));
        assertEquals(Set.of(), openFor(TaskUser.ANONYMOUS, started));
        assertEquals(new TreeSet<>(FORMS), openFor(user("root", TaskUser.SUPERUSER), started));
    }

    /** The SQL restriction of the list and the Java rule for one task are one rule written twice. */
    @Test
    void theListQueryAndTheSingleTaskRuleAgree() {
        Map<Long, String> started = startOneAtEachForm();
        List<AutomationTaskModel> all = ours(automations.getOpenTasks("admin"), started);
        List<TaskUser> users = List.of(user("mary"), user("jacob", "Moderators"), user("mary", "Moderators"),
                user("petra", VIEW), user("petra", CHANGE), user("petra", VIEW, CHANGE, "Moderators"),
                user("x", "Other"), user("root", TaskUser.SUPERUSER), TaskUser.ANONYMOUS);
        for (TaskUser user : users) {
            Set<String> byRule = all.stream().filter(t -> automations.mayProcess(user, t))
                    .map(AutomationTaskModel::getStatus).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(byRule, openFor(user, started), "for " + user);
        }
    }

    @Test
    void onlyAnAssignedUserOrASuperuserMaySubmit() {
        Map<Long, String> started = startOneAtEachForm();
        long moderated = taskAt("toModerators", started);
        long unassigned = taskAt("toNobody", started);

        assertEquals(FormResult.FORBIDDEN, automations.completeForm(moderated, new Answer("mine", true), "mary"));
        assertTrue(automations.getTaskForm(moderated).orElseThrow().task().getFinished() == null, "nothing written");
        assertEquals(FormResult.COMPLETED, automations.completeForm(moderated, new Answer("ok", true), "jacob"));

        assertEquals(FormResult.FORBIDDEN, automations.completeForm(unassigned, new Answer("mine", true), "jacob"));
        assertEquals(FormResult.COMPLETED, automations.completeForm(unassigned, new Answer("ok", true), "admin"));
    }

    @Test
    void theListIsPagedNewestFirstAndCounted() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(automations.create(Assigned.class, Map.of("n", i), true, "toMary").getId());
        }
        TaskUser mary = automations.getTaskUser("mary");
        long before = automations.countOpenTasks(mary);
        List<AutomationTaskModel> page = automations.getOpenTasks(mary, 0, 2);
        List<AutomationTaskModel> next = automations.getOpenTasks(mary, 2, 2);

        assertTrue(before >= 5);
        assertEquals(List.of(ids.get(4), ids.get(3)), page.stream().map(t -> t.getAutomation().getId()).toList());
        assertEquals(List.of(ids.get(2), ids.get(1)), next.stream().map(t -> t.getAutomation().getId()).toList());
        assertEquals("Automation Assigned", automations.find(ids.get(4)).orElseThrow().getVerboseName());

        automations.completeForm(page.get(0).getId(), new Answer("done", false), "mary");
        assertEquals(before - 1, automations.countOpenTasks(mary), "a completed task leaves the list");
    }

    /** A task written before schema version 2 has its permissions only as JSON; V3 copies them. */
    @Test
    void theMigrationCopiesPermissionsOfOlderTasks() throws Exception {
        Map<Long, String> started = startOneAtEachForm();
        long task = taskAt("toModeratingViewers", started);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("delete from atm_task_permission where task_id = " + task);
            assertTrue(openFor(user("olga", "Moderators"), started).contains("toModeratingViewers"),
                    "without its rows the task looks as if it needed no permission");

            new V3TaskPermissions().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });

            try (ResultSet rows = sql.executeQuery("select permission from atm_task_permission where task_id = " + task)) {
                assertTrue(rows.next());
                assertEquals(VIEW, rows.getString(1));
                assertFalse(rows.next());
            }
        }
        assertFalse(openFor(user("olga", "Moderators"), started).contains("toModeratingViewers"));
        assertTrue(openFor(user("olga", "Moderators", VIEW), started).contains("toModeratingViewers"));
        AutomationTaskModel migrated = automations.getTaskForm(task).orElseThrow().task();
        assertNull(migrated.getFinished());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** Starts an instance at each form; automation id -> form name. */
    private Map<Long, String> startOneAtEachForm() {
        Map<Long, String> started = new LinkedHashMap<>();
        for (String form : FORMS) {
            Automation automation = automations.create(Assigned.class, Map.of(), true, form);
            started.put(automation.getId(), form);
        }
        return started;
    }

    private long taskAt(String form, Map<Long, String> started) {
        return ours(automations.getOpenTasks("admin"), started).stream()
                .filter(t -> t.getStatus().equals(form)).findFirst().orElseThrow().getId();
    }

    private Set<String> openFor(String username, Map<Long, String> started) {
        return names(ours(automations.getOpenTasks(username), started));
    }

    private Set<String> openFor(TaskUser user, Map<Long, String> started) {
        return names(ours(automations.getOpenTasks(user, 0, 0), started));
    }

    private static List<AutomationTaskModel> ours(List<AutomationTaskModel> tasks, Map<Long, String> started) {
        return tasks.stream().filter(t -> started.containsKey(t.getAutomation().getId())).toList();
    }

    private static Set<String> names(List<AutomationTaskModel> tasks) {
        return tasks.stream().map(AutomationTaskModel::getStatus).collect(Collectors.toCollection(TreeSet::new));
    }

    private static TaskUser user(String name, String... roles) {
        return new TaskUser(name, Set.of(roles));
    }
}
