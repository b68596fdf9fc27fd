package org.automations.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.Data;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Join;
import org.automations.flow.Meta;
import org.automations.flow.Node;
import org.automations.flow.Split;
import org.automations.it.Deployments;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The manual's examples and the seed's own scenarios, run by the real engine on the real database. */
@ExtendWith(ArquillianExtension.class)
class FlowIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(FlowIT.class, Visits.class);
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** Three steps that write data and return results. */
    public static class Linear extends Automation {
        Execute one = new Execute(this::one);
        Execute two = new Execute(this::two);
        Execute three = new Execute(this::three);
        End end = new End();

        Object one(AutomationTaskModel task) {
            task.getData().put("one", 1);
            return "first";
        }

        Object two(AutomationTaskModel task) {
            data().put("two", task.getData().getInt("one") + 1); // data() and task.getData() are one object
            return Map.of("sum", 3);
        }

        void three(AutomationTaskModel task) {
            task.getData().put("three", List.of(1, 2, 3));
        }
    }

    @Test
    void aLinearAutomationRunsToItsEndAndKeepsDataAndResults() {
        Linear linear = automations.create(Linear.class, Map.of("who", "test"));

        assertTrue(linear.isFinished());
        assertEquals(AutomationStatus.FINISHED, linear.getModel().getStatus());
        Automation found = automations.find(linear.getId()).orElseThrow();
        assertEquals("test", found.data().getString("who"));
        assertEquals(1, found.data().getInt("one"));
        assertEquals(2, found.data().getInt("two"));
        assertEquals(List.of(1, 2, 3), found.data().getList("three"));

        List<AutomationTaskModel> tasks = automations.getTasks(linear.getId());
        assertEquals(List.of("one", "two", "three", "end"), statuses(tasks));
        assertEquals("first", tasks.get(0).getResult());
        assertEquals(Map.of("sum", 3), tasks.get(1).getResult());
        assertNull(tasks.get(2).getResult());
        assertTrue(tasks.stream().allMatch(t -> "OK".equals(t.getMessage()) && t.getFinished() != null));
        assertEquals(tasks.get(0).getId(), tasks.get(1).getPrevious().getId());
        assertEquals("Automation Linear", linear.getVerboseName());
        assertEquals(40, linear.getKey().length());
        assertEquals(linear.getId(), automations.findByKey(linear.getKey()).orElseThrow().getId());
    }

    /** Split into three paths, the second with a nested Split/Join; the last step after all paths. */
    public static class Parallel extends Automation {
        Execute start = new Execute(this::visit);
        Split split = new Split().next("a").next("inner").next("c");
        Execute a = new Execute(this::visit).next("join");
        Split inner = new Split().next("b1").next("b2");
        Execute b1 = new Execute(this::visit).next("innerJoin");
        Execute b2 = new Execute(this::visit).afterWaitingFor(Duration.ofHours(1)).next("innerJoin");
        Join innerJoin = new Join().next("join");
        Execute c = new Execute(this::visit).next("join");
        Join join = new Join();
        Execute last = new Execute(this::visit);
        End end = new End();

        void visit(AutomationTaskModel task) {
            Visits.add(task);
        }
    }

    @Test
    void everyPathRunsOnceAndTheNodeAfterTheJoinRunsOnceAfterAllPaths() {
        Parallel parallel = automations.create(Parallel.class, Map.of());
        assertFalse(parallel.isFinished());
        List<String> before = Visits.of(automations, parallel.getId());
        assertEquals("start", before.get(0));
        assertEquals(Set.of("start", "a", "b1", "c"), Set.copyOf(before));
        assertEquals(4, before.size());

        automations.run(Instant.now().plus(Duration.ofMinutes(30)));
        assertEquals(4, Visits.of(automations, parallel.getId()).size(), "b2 waits for its hour");

        automations.run(Instant.now().plus(Duration.ofMinutes(61)));
        List<String> visits = Visits.of(automations, parallel.getId());
        assertEquals(List.of("b2", "last"), visits.subList(4, 6), "last runs once, after every path");
        assertEquals(6, visits.size());
        assertTrue(automations.find(parallel.getId()).orElseThrow().isFinished());

        Map<String, Long> perNode = automations.getTasks(parallel.getId()).stream()
                .collect(Collectors.groupingBy(AutomationTaskModel::getStatus, Collectors.counting()));
        assertEquals(1, perNode.get("last"));
        assertEquals(1, perNode.get("end"));
        assertEquals(2, perNode.get("innerJoin"));
        assertEquals(3, perNode.get("join"));
    }

    /** onError continues at the error node; a later uncaught error stops the automation. */
    public static class Failing extends Automation {
        @PersistenceContext(unitName = "automations")
        EntityManager em;

        Execute start = new Execute(this::boom).onError("fix");
        Execute fix = new Execute(this::fix);
        Execute crash = new Execute(this::crash);
        End end = new End();

        void boom(AutomationTaskModel task) {
            task.getData().put("boomWrote", true); // rolled back with the failed step
            long id = task.getAutomation().getId();
            em.createNativeQuery("insert into atm_task (id, automation_id, status, locked, requires_interaction, created)"
                    + " values (?1, ?2, 'ghost', 0, false, ?3)") // a row the failed step wrote: rolled back too
                    .setParameter(1, 2_000_000_000L + id).setParameter(2, id).setParameter(3, task.getCreated())
                    .executeUpdate();
            throw new IllegalStateException("boom");
        }

        void fix(AutomationTaskModel task) {
            task.getData().put("fixed", true);
        }

        Object crash(AutomationTaskModel task) {
            throw new UnsupportedOperationException("crash in step three");
        }
    }

    @Test
    void onErrorJumpsToTheErrorNodeAndAnUncaughtErrorStopsTheAutomationWithItsTraceback() {
        Failing failing = automations.create(Failing.class, Map.of());

        assertTrue(failing.isFinished());
        AutomationModel model = automations.getModel(failing.getId()).orElseThrow();
        assertEquals(AutomationStatus.FAILED, model.getStatus());
        assertTrue(model.isFinished());
        assertNull(model.getData().get("boomWrote"), "a failed step's writes are rolled back");
        assertEquals(Boolean.TRUE, model.getData().getBoolean("fixed"));

        List<AutomationTaskModel> tasks = automations.getTasks(failing.getId());
        assertEquals(List.of("start", "fix", "crash"), statuses(tasks));
        assertEquals("java.lang.IllegalStateException: boom", tasks.get(0).getMessage());
        assertEquals("java.lang.UnsupportedOperationException: crash in step three", tasks.get(2).getMessage());
        String traceback = (String) ((Map<?, ?>) tasks.get(2).getResult()).get("error");
        assertTrue(traceback.contains("crash in step three") && traceback.contains("Failing.crash"), traceback);
        assertNull(model.getNextRun(), "a failed automation is not polled");
        assertNull(failing.run(), "run() on a failed automation does nothing");
    }

    /**
     * Steps writing through the persistence unit, flushed or not: the savepoint is set only at a step's
     * first statement, and a failing step must still lose exactly its own writes.
     */
    public static class WritingSteps extends Automation {
        @PersistenceContext(unitName = "automations")
        EntityManager em;

        Execute first = new Execute(this::first);
        Execute second = new Execute(this::second).onError("third");
        Execute third = new Execute(this::third);
        End end = new End();

        void first(AutomationTaskModel task) {
            em.persist(marker(task, "kept")); // not flushed: written before the next step's savepoint
            task.getData().put("first", true);
        }

        void second(AutomationTaskModel task) {
            em.persist(marker(task, "flushed"));
            em.flush();
            em.persist(marker(task, "unflushed"));
            task.getData().put("secondWrote", true);
            throw new IllegalStateException("second failed after writing");
        }

        void third(AutomationTaskModel task) {
            em.persist(marker(task, "only-unflushed")); // no statement before the throw: no savepoint at all
            task.getData().put("thirdWrote", true);
            throw new IllegalStateException("third failed");
        }

        static AutomationModel marker(AutomationTaskModel task, String name) {
            AutomationModel marker = new AutomationModel();
            marker.setAutomationClass(markerClass(task.getAutomation().getId(), name));
            marker.setStatus(AutomationStatus.FINISHED);
            marker.setData(new Data());
            marker.setCreated(task.getCreated());
            marker.setUpdated(task.getCreated());
            return marker;
        }
    }

    static String markerClass(long automationId, String name) {
        return "marker:" + automationId + ":" + name;
    }

    @Test
    void aFailingStepLosesExactlyItsOwnWritesThroughThePersistenceUnitFlushedOrNot() {
        WritingSteps automation = automations.create(WritingSteps.class, Map.of());

        long id = automation.getId();
        AutomationModel model = automations.getModel(id).orElseThrow();
        assertEquals(AutomationStatus.FAILED, model.getStatus());
        assertEquals(Boolean.TRUE, model.getData().getBoolean("first"), "the first step's data is kept");
        assertNull(model.getData().get("secondWrote"), "the failed step's data is rolled back");
        assertNull(model.getData().get("thirdWrote"), "the failed step's data is rolled back");
        assertEquals(1, markers(id, "kept"), "the entity the step before the failure persisted is kept");
        assertEquals(0, markers(id, "flushed"), "a flushed write of the failed step is rolled back");
        assertEquals(0, markers(id, "unflushed"), "an unflushed write of the failed step is dropped");
        assertEquals(0, markers(id, "only-unflushed"), "a step that sent no statement loses its pending write too");
        List<AutomationTaskModel> tasks = automations.getTasks(id);
        assertEquals(List.of("first", "second", "third"), statuses(tasks));
        assertEquals("java.lang.IllegalStateException: second failed after writing", tasks.get(1).getMessage());
        assertEquals("java.lang.IllegalStateException: third failed", tasks.get(2).getMessage());
    }

    private long markers(long automationId, String name) {
        return em.createQuery("select count(a) from AutomationModel a where a.automationClass = :c", Long.class)
                .setParameter("c", markerClass(automationId, name)).getSingleResult();
    }

    /** Without step savepoints: a failing step rolls back its burst, which runs again step by step. */
    @Meta(stepSavepoints = false)
    public static class WithoutSavepoints extends Automation {
        static final AtomicInteger FIRST_RUNS = new AtomicInteger();

        Execute first = new Execute(this::first);
        Execute second = new Execute(this::second);
        End end = new End();

        void first(AutomationTaskModel task) {
            FIRST_RUNS.incrementAndGet();
            task.getData().put("first", true);
        }

        void second(AutomationTaskModel task) {
            task.getData().put("secondWrote", true);
            throw new IllegalStateException("second failed");
        }
    }

    @Test
    void withoutStepSavepointsAFailureRerunsTheEarlierStepsOnceAndKeepsThem() {
        WithoutSavepoints.FIRST_RUNS.set(0);
        WithoutSavepoints failing = automations.create(WithoutSavepoints.class, Map.of());

        AutomationModel model = automations.getModel(failing.getId()).orElseThrow();
        assertEquals(AutomationStatus.FAILED, model.getStatus());
        assertEquals(Boolean.TRUE, model.getData().getBoolean("first"), "the step before the failure is kept");
        assertNull(model.getData().get("secondWrote"), "the failed step's writes are rolled back");
        assertEquals(2, WithoutSavepoints.FIRST_RUNS.get(), "the rolled-back burst ran the first step's code again");
        List<AutomationTaskModel> tasks = automations.getTasks(failing.getId());
        assertEquals(List.of("first", "second"), statuses(tasks), "yet its task was written once");
        assertEquals("java.lang.IllegalStateException: second failed", tasks.get(1).getMessage());
    }

    /** Skipping has precedence over waits and conditions. */
    public static class Skipping extends Automation {
        Execute first = new Execute(this::visit).skipIf(true).afterWaitingFor(Duration.ofDays(1));
        Execute second = new Execute(this::visit).skipIf(t -> t.getData().getBoolean("skipSecond")).asSoonAs(false);
        Execute third = new Execute(this::visit).skipAfter(Duration.ofHours(1)).asSoonAs(t -> false);
        Execute fourth = new Execute(this::visit);
        End end = new End();

        void visit(AutomationTaskModel task) {
            Visits.add(task);
        }
    }

    @Test
    void skipIfAndSkipAfterTakePrecedenceOverWaitsAndConditions() {
        Skipping skipping = automations.create(Skipping.class, Map.of("skipSecond", true));
        assertEquals("third", nodeName(skipping.run()));
        automations.run(Instant.now().plus(Duration.ofMinutes(30)));
        assertFalse(automations.find(skipping.getId()).orElseThrow().isFinished());

        automations.run(Instant.now().plus(Duration.ofMinutes(61)));
        assertTrue(automations.find(skipping.getId()).orElseThrow().isFinished());
        List<AutomationTaskModel> tasks = automations.getTasks(skipping.getId());
        assertEquals(List.of("first", "second", "third", "fourth", "end"), statuses(tasks));
        assertEquals(List.of("skipped", "skipped", "skipped", "OK"),
                tasks.subList(0, 4).stream().map(AutomationTaskModel::getMessage).toList());
        assertEquals(List.of("fourth"), Visits.of(automations, skipping.getId()));
    }

    /** Waits for a duration, then until a time computed from the data. */
    public static class Waiting extends Automation {
        Execute start = new Execute();
        Execute later = new Execute(this::visit).afterWaitingFor(Duration.ofHours(1));
        Execute until = new Execute(this::visit).afterWaitingUntil(this::deadline);
        End end = new End();

        Instant deadline(AutomationTaskModel task) {
            return Instant.parse(task.getData().getString("deadline"));
        }

        void visit(AutomationTaskModel task) {
            Visits.add(task);
        }
    }

    @Test
    void afterWaitingForAndAfterWaitingUntilPauseUntilDue() {
        Instant now = Instant.now();
        Waiting waiting = automations.create(Waiting.class, Map.of("deadline", now.plus(Duration.ofHours(3)).toString()));
        assertEquals("later", nodeName(waiting.run()));
        AutomationModel paused = automations.getModel(waiting.getId()).orElseThrow();
        assertNotNull(paused.getPausedUntil());
        assertTrue(paused.getNextRun().isAfter(now.plus(Duration.ofMinutes(59))), "the tick ignores it until due");

        automations.run(now.plus(Duration.ofMinutes(30)));
        assertEquals(List.of(), Visits.of(automations, waiting.getId()));

        assertTrue(automations.run(now.plus(Duration.ofMinutes(61))) >= 1);
        assertEquals(List.of("later"), Visits.of(automations, waiting.getId()));
        automations.run(now.plus(Duration.ofHours(2)));
        assertEquals(List.of("later"), Visits.of(automations, waiting.getId()));

        assertTrue(automations.run(now.plus(Duration.ofHours(3)).plusSeconds(1)) >= 1);
        assertEquals(List.of("later", "until"), Visits.of(automations, waiting.getId()));
        assertTrue(automations.find(waiting.getId()).orElseThrow().isFinished());
        AutomationTaskModel until = automations.getTasks(waiting.getId()).get(2);
        assertEquals(now.plus(Duration.ofMinutes(61)).toEpochMilli(), until.getCreated().toEpochMilli(),
                "run(now) stamps the tasks it creates with now");
    }

    /** Holds until a condition on the data becomes true. */
    public static class Holding extends Automation {
        Execute hold = new Execute(this::visit).asSoonAs(t -> Boolean.TRUE.equals(t.getData().getBoolean("go")));
        End end = new End();

        void visit(AutomationTaskModel task) {
            Visits.add(task);
        }
    }

    @Test
    void asSoonAsHoldsUntilTheConditionIsTrue() {
        Holding holding = automations.create(Holding.class, Map.of());
        assertEquals("hold", nodeName(holding.run()));
        assertFalse(holding.isFinished());
        assertNotNull(holding.getModel().getNextRun(), "conditions are polled");

        holding.data().put("go", true);
        holding.save();
        assertNull(holding.run());
        assertTrue(holding.isFinished());
        assertEquals(List.of("hold"), Visits.of(automations, holding.getId()));
    }

    /** The seed's BogusAutomation2: a time function that returns nothing usable. */
    public static class Bogus extends Automation {
        Execute start = new Execute();
        Execute wait = new Execute().afterWaitingUntil(t -> null);
        End end = new End();
    }

    @Test
    void aTimeFunctionReturningGarbageFailsTheAutomationCleanly() {
        Bogus bogus = automations.create(Bogus.class, Map.of());
        assertTrue(bogus.isFinished());
        assertEquals(AutomationStatus.FAILED, bogus.getModel().getStatus());
        AutomationTaskModel wait = automations.getTasks(bogus.getId()).get(1);
        assertEquals("wait", wait.getStatus());
        assertTrue(wait.getMessage().contains("Bogus.wait: the afterWaitingUntil function returned null"), wait.getMessage());
    }

    static List<String> statuses(List<AutomationTaskModel> tasks) {
        return tasks.stream().map(AutomationTaskModel::getStatus).toList();
    }

    static String nodeName(Node node) {
        return node == null ? null : node.getName();
    }
}
