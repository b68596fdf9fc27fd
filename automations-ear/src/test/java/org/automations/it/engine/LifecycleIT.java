package org.automations.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automations.AutomationInfo;
import org.automations.Automations;
import org.automations.DeleteResult;
import org.automations.FormResult;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Meta;
import org.automations.flow.Repeat;
import org.automations.flow.Split;
import org.automations.flow.Unique;
import org.automations.it.Deployments;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Loops, uniqueness, kill, history cleanup, bad input and the deployment listing. */
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(LifecycleIT.class);
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** The seed's Looping example: three paths, each a loop with its own interval, no Join. */
    public static class Looping extends Automation {
        Split split = new Split().next("p1").next("p2").next("p3");
        Execute p1 = new Execute(this::count);
        Repeat p1Loop = new Repeat("p1").everyNMinutes(10);
        Execute p2 = new Execute(this::count);
        Repeat p2Loop = new Repeat("p2").everyHour();
        Execute p3 = new Execute(this::count);
        Repeat p3Loop = new Repeat("p3").everyDay();

        void count(AutomationTaskModel task) {
            Integer count = task.getData().getInt(task.getStatus());
            task.getData().put(task.getStatus(), count == null ? 1 : count + 1);
        }
    }

    @Test
    void repeatLoopsRunEachPathOnItsOwnInterval() {
        Instant start = Instant.now();
        Looping looping = automations.create(Looping.class, Map.of());
        assertCounts(looping.getId(), 1, 1, 1);
        Instant firstRestart = openDue(looping.getId(), "p1Loop");

        automations.run(start.plus(Duration.ofMinutes(11)));
        assertCounts(looping.getId(), 2, 1, 1);
        // The loop keeps its rhythm: the next restart counts from the previous one (finished in the same
        // transaction as this one was entered), not from when the tick came by a minute late.
        assertEquals(firstRestart.plus(Duration.ofMinutes(10)), openDue(looping.getId(), "p1Loop"));

        automations.run(start.plus(Duration.ofMinutes(61)));
        assertCounts(looping.getId(), 3, 2, 1);

        automations.run(start.plus(Duration.ofHours(25)));
        assertCounts(looping.getId(), 4, 3, 2);

        Automation found = automations.find(looping.getId()).orElseThrow();
        assertFalse(found.isFinished());
        long open = automations.getTasks(looping.getId()).stream().filter(t -> t.getFinished() == null).count();
        assertEquals(3, open, "three loops wait, one task each");
    }

    /** The due time of the automation's open task at that node. */
    private Instant openDue(long id, String node) {
        return automations.getTasks(id).stream().filter(t -> t.getFinished() == null && t.getStatus().equals(node))
                .findFirst().orElseThrow().getDue();
    }

    private void assertCounts(long id, int p1, int p2, int p3) {
        Automation automation = automations.find(id).orElseThrow();
        assertEquals(List.of(p1, p2, p3), List.of(automation.data().getInt("p1"), automation.data().getInt("p2"),
                automation.data().getInt("p3")));
    }

    /** A singleton: one unfinished instance at a time. */
    @Unique
    @Meta(verboseName = "The only one", verboseNamePlural = "The only ones")
    public static class Singleton extends Automation {
        Execute hold = new Execute().asSoonAs(false);
        End end = new End();
    }

    @Unique({"email"})
    public static class PerEmail extends Automation {
        Execute hold = new Execute().asSoonAs(false);
        End end = new End();
    }

    @Test
    void aSingletonHandsOutTheRunningInstance() {
        Singleton first = automations.create(Singleton.class, Map.of());
        Singleton second = automations.create(Singleton.class, Map.of("other", 1));
        assertEquals(first.getId(), second.getId());
        assertEquals("The only one", first.getVerboseName());
        assertEquals("The only ones", first.getVerboseNamePlural());

        first.kill();
        Singleton third = automations.create(Singleton.class, Map.of());
        assertNotEquals(first.getId(), third.getId());
        third.kill();
    }

    @Test
    void uniqueParametersAllowOneInstancePerValue() {
        PerEmail a = automations.create(PerEmail.class, Map.of("email", "a@example.org"));
        PerEmail again = automations.create(PerEmail.class, Map.of("email", "a@example.org", "x", 2));
        PerEmail b = automations.create(PerEmail.class, Map.of("email", "b@example.org"));
        assertEquals(a.getId(), again.getId());
        assertNotEquals(a.getId(), b.getId());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> automations.create(PerEmail.class, Map.of("name", "no mail")));
        assertTrue(missing.getMessage().contains("'email'"), missing.getMessage());
    }

    @Test
    void killRemovesTheInstanceAndItsTasks() {
        PerEmail doomed = automations.create(PerEmail.class, Map.of("email", "doomed@example.org"));
        assertFalse(automations.getTasks(doomed.getId()).isEmpty());

        doomed.kill();
        assertTrue(doomed.isFinished());
        assertTrue(automations.getTasks(doomed.getId()).isEmpty());
        assertTrue(automations.getModel(doomed.getId()).isEmpty());
        assertTrue(automations.find(doomed.getId()).isEmpty());
    }

    public static class Short extends Automation {
        Execute one = new Execute();
        Execute two = new Execute();
        End end = new End();
    }

    @Test
    void deleteHistoryDeletesFinishedAutomationsWithTheirTasksAndCountsThem() {
        automations.deleteHistory(0); // whatever other tests finished
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = automations.create(Short.class, Map.of()).getId();
        }
        PerEmail running = automations.create(PerEmail.class, Map.of("email", "running@example.org"));

        DeleteResult none = automations.deleteHistory(30);
        assertEquals(0, none.total());

        DeleteResult deleted = automations.deleteHistory(0);
        assertEquals(3, deleted.perModel().get("AutomationModel"));
        assertEquals(9, deleted.perModel().get("AutomationTaskModel"));
        assertEquals(12, deleted.total());
        for (long id : ids) {
            assertTrue(automations.getModel(id).isEmpty());
        }
        assertEquals(AutomationStatus.RUNNING, automations.getModel(running.getId()).orElseThrow().getStatus());
    }

    /** A form that needs two permissions: its task has two rows in atm_task_permission. */
    public static class Approval extends Automation {
        Form approve = new Form(Note.class).permission("approve").permission("sign");
        End end = new End();
    }

    /** The form bean of {@link Approval}. */
    public static class Note {
        private String text;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    @Test
    void killAndHistoryCleanupDeleteTheTasksPermissionRowsToo() {
        Approval killed = automations.create(Approval.class, Map.of());
        Approval approved = automations.create(Approval.class, Map.of());
        long approvedTask = automations.getTasks(approved.getId()).get(0).getId();
        assertEquals(2, permissionRows(killed.getId()));

        killed.kill();
        assertEquals(0, permissionRows(killed.getId()), "kill deletes the task's permission rows");

        assertEquals(FormResult.COMPLETED, automations.completeForm(approvedTask, new Note(),
                new TaskUser("boss", Set.of("approve", "sign"))));
        assertTrue(automations.getModel(approved.getId()).orElseThrow().isFinished());
        assertEquals(2, permissionRows(approved.getId()));
        automations.deleteHistory(0);
        assertTrue(automations.getModel(approved.getId()).isEmpty());
        assertEquals(0, permissionRows(approved.getId()), "the cleanup deletes the task's permission rows");
    }

    /** Permission rows of the automation's tasks, whether or not the tasks still exist. */
    private long permissionRows(long automationId) {
        // Rows whose task is gone (orphans) count too: a kill that forgot them leaves such rows.
        List<?> rows = em.createNativeQuery("select count(*) from atm_task_permission p where p.task_id in"
                + " (select id from atm_task where automation_id = ?1) or p.task_id not in (select id from atm_task)")
                .setParameter(1, automationId).getResultList();
        return ((Number) rows.get(0)).longValue();
    }

    @Test
    void parametersThatAreNotJsonAreRefusedAndNothingIsWritten() {
        long before = count();
        Map<String, Object> params = new HashMap<>();
        params.put("fine", "text");
        params.put("when", new Object());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> automations.create(Short.class, params));
        assertTrue(error.getMessage().contains(Short.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains("'when'"), error.getMessage());
        assertEquals(before, count());
    }

    @Test
    void theDeploymentListsItsAutomations() {
        List<AutomationInfo> demo = automations.getAutomations("org.automations.demo");
        assertEquals(List.of(new AutomationInfo("org.automations.demo.IssueDiscussion", "Issue discussion"),
                new AutomationInfo("org.automations.demo.NewsletterSignup", "Newsletter subscription"),
                new AutomationInfo("org.automations.demo.PartnerSync", "Partner order import"),
                new AutomationInfo("org.automations.demo.WebinarWorkflow", "Webinar preparation")), demo);
        assertTrue(automations.getAutomations().contains(new AutomationInfo(Short.class.getName(), "Automation Short")));
    }

    @Test
    void createWithoutAutorunLeavesTheWorkToTheTick() {
        Short idle = automations.create(Short.class, Map.of(), false);
        assertEquals(List.of(), automations.getTasks(idle.getId()), "no task until it runs (the seed's autorun=False)");
        automations.run();
        assertEquals("one", automations.getTasks(idle.getId()).get(0).getStatus(), "the tick started it at its first node");
        assertTrue(automations.find(idle.getId()).orElseThrow().isFinished());
    }

    private long count() {
        return em.createQuery("select count(a) from AutomationModel a", Long.class).getSingleResult();
    }
}
