package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.TaskForm;
import org.automations.flow.Automation;
import org.automations.flow.Data;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.ModelForm;
import org.automations.it.Deployments;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Completing form tasks: the data stored (API.md), invalid input refused, ModelForm entities saved,
 * and DESIGN.md guarantee 5: a task submitted twice, even at the same moment, advances the
 * automation once and tells the second submission that the task was already done.
 */
@ExtendWith(ArquillianExtension.class)
class FormSubmissionIT {

    private static final String TEST_UNIT = """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.1">
              <persistence-unit name="test-tasks">
                <jta-data-source>java:jboss/datasources/AutomationsDS</jta-data-source>
                <class>org.automations.it.tasks.Ticket</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
                <properties>
                  <property name="hibernate.hbm2ddl.auto" value="none"/>
                  <property name="jboss.entity.manager.jndi.name" value="java:app/test-tasks"/>
                </properties>
              </persistence-unit>
            </persistence>
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear(FormSubmissionIT.class, Answer.class, Ticket.class);
        ear.getAsType(WebArchive.class, "automations-web.war")
                .addAsResource(new StringAsset(TEST_UNIT), "META-INF/persistence.xml");
        // The project-wide form context, configured as an application would (MicroProfile Config).
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-config.jar").addAsManifestResource(new StringAsset(
                "automations.form-view-context.a=configuration\nautomations.form-view-context.b=configuration\n"),
                "microprofile-config.properties"));
        return ear;
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource(lookup = "java:app/test-tasks")
    EntityManager tickets;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService threads;

    /** A form for jacob, then a step that counts how often it ran. */
    public static class Approval extends Automation {
        Form ask = new Form(Answer.class).user("jacob").description("Answer the question");
        Execute after = new Execute(this::count);
        End end = new End();

        void count(AutomationTaskModel task) {
            Integer runs = task.getData().getInt("afterRuns");
            task.getData().put("afterRuns", runs == null ? 1 : runs + 1);
        }
    }

    @Test
    void aValidSubmissionStoresTheBeanAndWhoValidatedItAndRunsTheAutomationOn() {
        Approval approval = automations.create(Approval.class, Map.of());
        long task = openTask(approval.getId(), "ask");
        Instant before = Instant.now();

        assertEquals(FormResult.COMPLETED, automations.completeForm(task, new Answer("yes", true), "jacob"));

        Automation after = automations.find(approval.getId()).orElseThrow();
        assertTrue(after.isFinished(), "the automation ran on in the same call");
        Data data = after.data();
        assertEquals(Map.of("text", "yes", "agreed", true), data.getMap("ask"));
        Map<String, Object> validated = data.getMap("_ask_validated");
        assertEquals("jacob", validated.get("user"));
        Instant time = Instant.parse((String) validated.get("time"));
        assertFalse(time.isBefore(before.minusSeconds(1)));
        assertEquals(1, data.getInt("afterRuns"));
        AutomationTaskModel done = automations.getTasks(approval.getId()).get(0);
        assertEquals("OK", done.getMessage());
        assertNotNull(done.getFinished());
        assertEquals(0.0, done.hoursSinceCreated());
    }

    @Test
    void anInvalidBeanIsRefusedAndNothingIsWritten() {
        Approval approval = automations.create(Approval.class, Map.of());
        long task = openTask(approval.getId(), "ask");

        assertThrows(IllegalArgumentException.class,
                () -> automations.completeForm(task, new Answer("", true), "jacob"));
        assertThrows(IllegalArgumentException.class,
                () -> automations.completeForm(task, new Answer("far more than twenty characters", true), "jacob"));

        Automation unchanged = automations.find(approval.getId()).orElseThrow();
        assertNull(unchanged.data().get("ask"));
        assertEquals(List.of("ask"), automations.getWaitingAt(approval.getId()));
    }

    @Test
    void aSecondSubmissionIsToldTheTaskIsDone() {
        Approval approval = automations.create(Approval.class, Map.of());
        long task = openTask(approval.getId(), "ask");

        assertEquals(FormResult.COMPLETED, automations.completeForm(task, new Answer("first", true), "jacob"));
        assertEquals(FormResult.ALREADY_DONE, automations.completeForm(task, new Answer("second", false), "jacob"));

        Data data = automations.find(approval.getId()).orElseThrow().data();
        assertEquals("first", data.getMap("ask").get("text"));
        assertEquals(1, data.getInt("afterRuns"));
    }

    @Test
    void unknownIdsAndTasksThatWaitForNobodyAreNotFound() {
        Approval approval = automations.create(Approval.class, Map.of());
        long endTask = automations.getTasks(approval.getId()).get(0).getId() + 10_000;
        assertEquals(FormResult.NOT_FOUND, automations.completeForm(endTask, new Answer("x", true), "jacob"));
        assertTrue(automations.getTaskForm(endTask).isEmpty());
    }

    /**
     * Two submissions race: both find the task open, then wait for the automation's row, which this
     * test holds; once it lets go, one completes the task and the other must find it done.
     */
    @Test
    void twoSubmissionsAtOnceAdvanceTheAutomationOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            Approval approval = automations.create(Approval.class, Map.of());
            long task = openTask(approval.getId(), "ask");

            transaction.begin();
            em.createNativeQuery("select id from atm_automation where id = ?1 for update")
                    .setParameter(1, approval.getId()).getResultList();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<FormResult>> submissions = new ArrayList<>();
            for (String text : List.of("left", "right")) {
                submissions.add(threads.submit(() -> {
                    go.await();
                    return automations.completeForm(task, new Answer(text, true), "jacob");
                }));
            }
            go.countDown();
            Thread.sleep(300); // both are now waiting for the row (or will find the task done: also fine)
            transaction.commit();

            List<FormResult> results = new ArrayList<>();
            for (Future<FormResult> submission : submissions) {
                results.add(submission.get());
            }
            assertTrue(results.contains(FormResult.COMPLETED) && results.contains(FormResult.ALREADY_DONE),
                    "one completes, one is told it is done: " + results);
            Data data = automations.find(approval.getId()).orElseThrow().data();
            assertEquals(1, data.getInt("afterRuns"), "the step after the form ran once");
            long afterTasks = automations.getTasks(approval.getId()).stream()
                    .filter(t -> t.getStatus().equals("after")).count();
            assertEquals(1, afterTasks);
            assertEquals(AutomationStatus.FINISHED, automations.getModel(approval.getId()).orElseThrow().getStatus());
        }
    }

    /** Creates a ticket in one form and edits the same ticket in the next. */
    public static class TicketFlow extends Automation {
        @Resource(lookup = "java:app/test-tasks")
        EntityManager em;

        ModelForm create = new ModelForm(Ticket.class, "ticket").user("jacob");
        ModelForm review = new ModelForm(Ticket.class, "ticket").user("jacob");
        End end = new End();
    }

    @Test
    void aModelFormSavesItsEntityAndKeepsTheIdUnderItsKey() throws Exception {
        transaction.begin();
        tickets.createNativeQuery("create table if not exists test_ticket (id bigint generated by default as identity"
                + " primary key, title varchar(100), priority integer not null)").executeUpdate();
        transaction.commit();
        TicketFlow flow = automations.create(TicketFlow.class, Map.of());

        TaskForm create = automations.getTaskForm(openTask(flow.getId(), "create")).orElseThrow();
        Ticket fresh = assertInstanceOf(Ticket.class, create.bean());
        assertNull(fresh.getId());
        fresh.setTitle("Printer on fire");
        fresh.setPriority(1);
        assertEquals(FormResult.COMPLETED, automations.completeForm(create.task().getId(), fresh, "jacob"));

        Number id = (Number) automations.find(flow.getId()).orElseThrow().data().get("ticket");
        assertNotNull(id);
        TaskForm review = automations.getTaskForm(openTask(flow.getId(), "review")).orElseThrow();
        Ticket saved = assertInstanceOf(Ticket.class, review.bean());
        assertEquals(id.longValue(), saved.getId());
        assertEquals("Printer on fire", saved.getTitle());
        saved.setPriority(3);
        assertEquals(FormResult.COMPLETED, automations.completeForm(review.task().getId(), saved, "jacob"));

        assertEquals(3, tickets.find(Ticket.class, id.longValue()).getPriority());
        Data data = automations.find(flow.getId()).orElseThrow().data();
        assertEquals(id.longValue(), data.getLong("ticket"));
        assertEquals("jacob", data.getMap("_review_validated").get("user"));
        assertTrue(automations.find(flow.getId()).orElseThrow().isFinished());
    }

    @Test
    void theFormPageDataIsThereForTheTask() {
        Approval approval = automations.create(Approval.class, Map.of());
        TaskForm form = automations.getTaskForm(openTask(approval.getId(), "ask")).orElseThrow();

        assertEquals("Automation Approval", form.verboseName());
        assertEquals("Answer the question", form.form().getDescription());
        assertNull(form.template());
        assertInstanceOf(Answer.class, form.bean());
        assertFalse(form.isDone());
    }

    /** Context for the form page: configuration, then the automation, then the node. */
    public static class WithContext extends Automation {
        Form ask = new Form(Answer.class).user("jacob").template("/WEB-INF/test-form.xhtml")
                .context(Map.of("c", "node", "d", "node"));
        End end = new End();

        @Override
        public Map<String, Object> getFormContext() {
            return Map.of("b", "automation", "c", "automation");
        }
    }

    @Test
    void theContextIsMergedFromConfigurationAutomationAndNode() {
        WithContext automation = automations.create(WithContext.class, Map.of());
        TaskForm form = automations.getTaskForm(openTask(automation.getId(), "ask")).orElseThrow();

        assertEquals(Map.of("a", "configuration", "b", "automation", "c", "node", "d", "node"), form.context());
        assertEquals("/WEB-INF/test-form.xhtml", form.template());
    }

    private long openTask(long automationId, String node) {
        return automations.getTasks(automationId).stream()
                .filter(t -> t.getStatus().equals(node) && t.getFinished() == null)
                .findFirst().orElseThrow(() -> new AssertionError("no open task at " + node)).getId();
    }
}
