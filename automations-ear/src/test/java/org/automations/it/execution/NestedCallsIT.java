package org.automations.it.execution;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Receive;
import org.automations.it.Deployments;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls into the engine from inside a step or a receiver take part in its transaction: they never
 * wait for a lock their own thread holds, and what they write rolls back with a step that throws.
 */
@ExtendWith(ArquillianExtension.class)
class NestedCallsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(NestedCallsIT.class);
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    ManagedExecutorService threads;

    /** Waits for "count" messages; its receiver counts them and saves, as the manual's receivers do. */
    public static class Counter extends Automation {
        Execute wait = new Execute().asSoonAs(false);
        End end = new End();

        @Receive("count")
        public Object count(String token, Map<String, Object> data) {
            Integer seen = data().getInt("seen");
            data().put("seen", seen == null ? 1 : seen + 1);
            save();
            return "counted";
        }
    }

    /** Its second step creates a Child and messages a Counter, then throws when its data says so. */
    public static class Parent extends Automation {
        @Inject
        Automations automations;

        Execute start = new Execute();
        Execute spawn = new Execute(this::spawn);
        End end = new End();

        void spawn(AutomationTaskModel task) {
            Child child = automations.create(Child.class, Map.of("parent", getId()));
            task.getData().put("child", child.getId());
            Long counter = task.getData().getLong("counter");
            if (counter != null) {
                task.getData().put("answer", automations.dispatchMessage(Counter.class, counter, "count", null, null));
            }
            if (Boolean.TRUE.equals(task.getData().getBoolean("fail"))) {
                throw new IllegalStateException("spawn fails after creating child " + child.getId());
            }
        }
    }

    /** Created by a Parent's step; runs to its end once that step has committed. */
    public static class Child extends Automation {
        Execute start = new Execute(t -> {
            t.getData().put("ran", true);
        });
        End end = new End();
    }

    /** Saved and killed from another automation's step. */
    public static class Meddler extends Automation {
        @Inject
        Automations automations;

        Execute meddle = new Execute(this::meddle);
        End end = new End();

        void meddle(AutomationTaskModel task) {
            Automation target = automations.find(task.getData().getLong("target")).orElseThrow();
            target.data().put("meddled", true);
            target.save();
            if (task.getData().getLong("victim") != null) {
                automations.find(task.getData().getLong("victim")).orElseThrow().kill();
            }
            if (Boolean.TRUE.equals(task.getData().getBoolean("fail"))) {
                throw new IllegalStateException("meddle fails");
            }
        }
    }

    /** Runs another automation from its step, then throws when its data says so. */
    public static class Runner extends Automation {
        @Inject
        Automations automations;

        Execute start = new Execute(this::start);
        End end = new End();

        void start(AutomationTaskModel task) {
            assertNull(automations.find(task.getData().getLong("target")).orElseThrow().run(),
                    "inside a step, run() only asks for a run after the commit");
            if (Boolean.TRUE.equals(task.getData().getBoolean("fail"))) {
                throw new IllegalStateException("start fails after run()");
            }
        }
    }

    @Test
    void runOfAnotherAutomationFromAStepHappensAfterItsCommitAndNotAfterARollback() {
        Child target = automations.create(Child.class, Map.of(), false);

        automations.create(Runner.class, Map.of("target", target.getId(), "fail", true));
        assertTrue(automations.getTasks(target.getId()).isEmpty(), "a step that failed ran nothing");

        automations.create(Runner.class, Map.of("target", target.getId(), "fail", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> model(target.getId()).getStatus() == AutomationStatus.FINISHED);
    }

    @Test
    void aReceiverThatSavesAnswersAtOnceAndItsDataIsStored() {
        Counter counter = automations.create(Counter.class, Map.of());
        long started = System.nanoTime();
        Object answer = counter.sendMessage("count", null, null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("counted", answer);
        assertTrue(millis < 3_000, "answered after " + millis + " ms (the lock timeout is 10 s)");
        assertEquals(1, automations.find(Counter.class, counter.getId()).orElseThrow().data().getInt("seen"));
    }

    @Test
    void eightThreadsSendingToAReceiverThatSavesAllGetAnswersAndEveryMessageCounts() throws Exception {
        long id = automations.create(Counter.class, Map.of()).getId();
        List<Future<Long>> senders = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            senders.add(threads.submit(() -> {
                long slowest = 0;
                for (int message = 0; message < 25; message++) {
                    long started = System.nanoTime();
                    Object answer = automations.dispatchMessage(Counter.class, id, "count", null, null);
                    slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                    if (!"counted".equals(answer)) {
                        throw new AssertionError("answer " + answer);
                    }
                }
                return slowest;
            }));
        }
        long slowest = 0;
        for (Future<Long> sender : senders) {
            slowest = Math.max(slowest, sender.get());
        }

        assertEquals(200, automations.find(Counter.class, id).orElseThrow().data().getInt("seen"));
        assertTrue(slowest < 3_000, "slowest answer after " + slowest + " ms (the lock timeout is 10 s)");
    }

    @Test
    void aStepThatCreatesAnAutomationAndThenThrowsLeavesNoChildAndItsRetryCreatesOne() {
        Parent parent = automations.create(Parent.class, Map.of("fail", true));
        assertEquals(AutomationStatus.FAILED, model(parent.getId()).getStatus());
        assertEquals(0, children(parent.getId()), "the failed step's child is rolled back with it");

        Automation fixed = automations.find(parent.getId()).orElseThrow();
        fixed.data().put("fail", false);
        fixed.save();
        automations.retry(parent.getId());

        assertEquals(AutomationStatus.FINISHED, model(parent.getId()).getStatus());
        assertEquals(1, children(parent.getId()), "the retried step created its child once");
        long child = automations.find(parent.getId()).orElseThrow().data().getLong("child");
        await().atMost(Duration.ofSeconds(10)).until(() -> model(child).getStatus() == AutomationStatus.FINISHED);
        assertEquals(Boolean.TRUE, automations.find(child).orElseThrow().data().getBoolean("ran"));
    }

    @Test
    void aMessageFromAStepIsDeliveredInTheStepsTransactionAndRolledBackWithIt() {
        Counter counter = automations.create(Counter.class, Map.of());
        Map<String, Object> params = new HashMap<>();
        params.put("counter", counter.getId());
        params.put("fail", true);

        Parent failing = automations.create(Parent.class, params);
        assertEquals(AutomationStatus.FAILED, model(failing.getId()).getStatus());
        assertNull(automations.find(Counter.class, counter.getId()).orElseThrow().data().getInt("seen"),
                "the receiver's save is rolled back with the step that sent the message");

        params.put("fail", false);
        Parent succeeding = automations.create(Parent.class, params);
        assertEquals(AutomationStatus.FINISHED, model(succeeding.getId()).getStatus());
        assertEquals(1, automations.find(Counter.class, counter.getId()).orElseThrow().data().getInt("seen"));
        assertEquals("counted", automations.find(succeeding.getId()).orElseThrow().data().getString("answer"));
    }

    @Test
    void saveAndKillOfOtherAutomationsFromAStepCommitOrRollBackWithIt() {
        Counter target = automations.create(Counter.class, Map.of());
        Counter victim = automations.create(Counter.class, Map.of());

        Meddler failing = automations.create(Meddler.class,
                Map.of("target", target.getId(), "victim", victim.getId(), "fail", true));
        assertEquals(AutomationStatus.FAILED, model(failing.getId()).getStatus());
        assertNull(automations.find(target.getId()).orElseThrow().data().getBoolean("meddled"));
        assertTrue(automations.find(victim.getId()).isPresent(), "the kill is rolled back with the step");

        automations.create(Meddler.class, Map.of("target", target.getId(), "victim", victim.getId()));
        assertEquals(Boolean.TRUE, automations.find(target.getId()).orElseThrow().data().getBoolean("meddled"));
        assertTrue(automations.find(victim.getId()).isEmpty());
    }

    @Test
    void createWithoutAutorunWritesNoTaskAndTheTickStartsIt() {
        Child child = automations.create(Child.class, Map.of(), false);

        assertTrue(automations.getTasks(child.getId()).isEmpty(), "no task before it runs");
        assertTrue(model(child.getId()).getNextRun() != null, "due at once");

        automations.run();

        assertEquals(AutomationStatus.FINISHED, model(child.getId()).getStatus());
        assertEquals(List.of("start", "end"), automations.getTasks(child.getId()).stream()
                .map(AutomationTaskModel::getStatus).toList());
    }

    private AutomationModel model(long id) {
        return automations.getModel(id).orElseThrow();
    }

    private long children(long parentId) {
        return em.createQuery("select a from AutomationModel a where a.automationClass = :c", AutomationModel.class)
                .setParameter("c", Child.class.getName()).getResultStream()
                .filter(a -> Long.valueOf(parentId).equals(a.getData().getLong("parent"))).count();
    }
}
