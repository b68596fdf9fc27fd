package org.automations.it.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.automations.Automations;
import org.automations.engine.Tick;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Receive;
import org.automations.it.Deployments;
import org.automations.it.tasks.Answer;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's meters as Prometheus scrapes them from the management interface's /metrics. Other
 * tests share the server, so every test compares the values before and after what it caused.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(MetricsIT.class, Management.class, Answer.class);
    }

    @Inject
    Automations automations;

    @Inject
    Tick tick;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    public static class Passing extends Automation {
        Execute first = new Execute(t -> {
            t.getData().put("first", true);
        });
        Execute second = new Execute(t -> {
        });
        End end = new End();
    }

    public static class Failing extends Automation {
        Execute ok = new Execute(t -> {
        });
        Execute boom = new Execute(this::boom);
        End end = new End();

        void boom(AutomationTaskModel task) {
            throw new IllegalStateException("partner down");
        }
    }

    /**
     * Its second step dooms the whole transaction before it throws, so the burst is rolled back and run
     * again one step per transaction: the first step's code runs twice, its task commits once.
     */
    public static class Dooming extends Automation {
        static final AtomicInteger FIRST_RUNS = new AtomicInteger();

        Execute first = new Execute(t -> {
            FIRST_RUNS.incrementAndGet();
        });
        Execute doom = new Execute(this::doom);
        End end = new End();

        void doom(AutomationTaskModel task) throws NamingException {
            TransactionSynchronizationRegistry transaction = (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
            transaction.setRollbackOnly();
            throw new IllegalStateException("doomed");
        }
    }

    /** Waits for jacob's answer: an open task. */
    public static class Asking extends Automation {
        Form ask = new Form(Answer.class).user("jacob");
        End end = new End();
    }

    /** Answers "ping" while it waits for "stop". */
    public static class Listening extends Automation {
        Execute start = new Execute();
        Execute waiting = new Execute().awaitMessage("stop");
        End end = new End();

        @Receive("ping")
        public Object ping(String token, Map<String, Object> data) {
            return "received";
        }
    }

    @Test
    void stepsAndAutomationsAreCountedPerClassAndNode() {
        Map<String, Double> before = Management.metrics();
        for (int i = 0; i < 3; i++) {
            automations.create(Passing.class, Map.of());
        }
        long failing = automations.create(Failing.class, Map.of()).getId();
        Map<String, Double> after = Management.metrics();

        assertEquals(AutomationStatus.FAILED, em.find(AutomationModel.class, failing).getStatus());
        String passing = Passing.class.getName();
        assertEquals(3, delta(before, after, "automations_started_total", Map.of("class", passing)));
        assertEquals(3, delta(before, after, "automations_finished_total", Map.of("class", passing)));
        assertEquals(0, delta(before, after, "automations_failed_total", Map.of("class", passing)));
        for (String node : new String[] {"first", "second", "end"}) {
            assertEquals(3, delta(before, after, "automations_steps_executed_total", Map.of("class", passing, "node", node)),
                    node);
        }
        String failed = Failing.class.getName();
        assertEquals(1, delta(before, after, "automations_started_total", Map.of("class", failed)));
        assertEquals(1, delta(before, after, "automations_steps_executed_total", Map.of("class", failed, "node", "ok")));
        assertEquals(0, delta(before, after, "automations_steps_executed_total", Map.of("class", failed, "node", "boom")));
        assertEquals(1, delta(before, after, "automations_steps_failed_total", Map.of("class", failed, "node", "boom")));
        assertEquals(1, delta(before, after, "automations_failed_total", Map.of("class", failed)));
        assertEquals(0, delta(before, after, "automations_finished_total", Map.of("class", failed)));
    }

    @Test
    void aStepWhoseTransactionRolledBackCountsOnlyWhenItCommits() {
        Map<String, Double> before = Management.metrics();
        int runsBefore = Dooming.FIRST_RUNS.get();
        long id = automations.create(Dooming.class, Map.of()).getId();
        Map<String, Double> after = Management.metrics();

        String dooming = Dooming.class.getName();
        long committed = em.createQuery("select count(t) from AutomationTaskModel t where t.automation.id = :id"
                + " and t.status = 'first' and t.message = 'OK'", Long.class).setParameter("id", id).getSingleResult();
        assertEquals(1, committed, "the first step's task committed once");
        assertEquals(2, Dooming.FIRST_RUNS.get() - runsBefore, "its code ran twice (the first transaction rolled back)");
        assertEquals(committed, delta(before, after, "automations_steps_executed_total",
                Map.of("class", dooming, "node", "first")), "counted as the database says, not as the code ran");
        assertEquals(1, delta(before, after, "automations_steps_failed_total", Map.of("class", dooming, "node", "doom")));
        assertEquals(1, delta(before, after, "automations_failed_total", Map.of("class", dooming)));
    }

    @Test
    void deliveredMessagesAreCountedPerClassAndMessage() {
        long id = automations.create(Listening.class, Map.of()).getId();
        Map<String, Double> before = Management.metrics();

        assertEquals("received", automations.dispatchMessage(Listening.class, id, "ping", null, Map.of()));
        assertEquals("received", automations.dispatchMessage(Listening.class, id, "ping", null, Map.of()));

        Map<String, Double> after = Management.metrics();
        assertEquals(2, delta(before, after, "automations_messages_delivered_total",
                Map.of("class", Listening.class.getName(), "message", "ping")));
    }

    @Test
    void theBacklogGaugesShowAutomationsDueHowLongTheOldestWaitedAndOpenTasks() throws InterruptedException {
        Map<String, Double> before = Management.metrics();
        double dueBefore = Management.value(before, "automations_due", Map.of());
        double openBefore = Management.value(before, "automations_tasks_open", Map.of());
        for (int i = 0; i < 3; i++) {
            automations.create(Passing.class, Map.of(), false); // due at once; the tick is off here
        }
        automations.create(Asking.class, Map.of());
        automations.create(Asking.class, Map.of());
        Thread.sleep(1_000);
        // One query serves the gauges for five seconds: wait for the next reading.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Double> samples = Management.metrics();
            return Management.value(samples, "automations_due", Map.of()) == dueBefore + 3
                    && Management.value(samples, "automations_tasks_open", Map.of()) == openBefore + 2;
        });
        double age = Management.value(Management.metrics(), "automations_due_oldest_seconds", Map.of());
        assertTrue(age >= 1, "the oldest due automation has waited a second at least: " + age);
        automations.run(); // leaves nothing due for the tests after this one
    }

    @Test
    void theTicksAreTimed() {
        double ticksBefore = Management.value(Management.metrics(), "automations_tick_duration_seconds_count", Map.of());
        tick.start(Duration.ofSeconds(1));
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> Management.value(
                    Management.metrics(), "automations_tick_duration_seconds_count", Map.of()) >= ticksBefore + 2);
        } finally {
            tick.switchOff();
        }
        assertTrue(Management.value(Management.metrics(), "automations_tick_duration_seconds_sum", Map.of()) > 0);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name,
            Map<String, String> labels) {
        return Management.value(after, name, labels) - Management.value(before, name, labels);
    }
}
