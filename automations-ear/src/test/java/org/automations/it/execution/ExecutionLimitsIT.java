package org.automations.it.execution;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.automations.Automations;
import org.automations.engine.RunningSteps;
import org.automations.engine.Tick;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Receive;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Parallel workers, step time limits, retries with backoff and waits for a message. */
@ExtendWith(ArquillianExtension.class)
class ExecutionLimitsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ExecutionLimitsIT.class);
    }

    @Inject
    Automations automations;

    @Inject
    Tick tick;

    @Inject
    RunningSteps runningSteps;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** One step that sleeps as long as its data says (a slow partner). */
    public static class Sleeper extends Automation {
        Execute call = new Execute(this::call);
        End end = new End();

        void call(AutomationTaskModel task) throws InterruptedException {
            task.getData().put("called", true);
            Long millis = task.getData().getLong("sleep");
            Thread.sleep(millis == null ? 0 : millis);
        }
    }

    /** As Sleeper, with a time limit of two seconds. */
    public static class Limited extends Automation {
        Execute call = new Execute(this::call).timeout(Duration.ofSeconds(2));
        End end = new End();

        void call(AutomationTaskModel task) throws InterruptedException {
            task.getData().put("called", true);
            Thread.sleep(task.getData().getLong("sleep"));
        }
    }

    /** Fails as many times as its data says, then succeeds; tried again up to 3 times. */
    public static class Flaky extends Automation {
        static final Map<Long, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

        Execute call = new Execute(this::call).retry(3, Duration.ofSeconds(10), 2.0);
        End end = new End();

        void call(AutomationTaskModel task) {
            int attempt = ATTEMPTS.computeIfAbsent(getId(), id -> new AtomicInteger()).incrementAndGet();
            if (attempt <= task.getData().getInt("failures")) {
                throw new IllegalStateException("partner down (attempt " + attempt + ")");
            }
        }
    }

    /** Waits for the message "go" without polling. */
    public static class Awaiting extends Automation {
        Execute start = new Execute();
        Execute go = new Execute(t -> {
            t.getData().put("went", true);
        }).awaitMessage("go");
        End end = new End();

        @Receive("go")
        public Object go(String token, Map<String, Object> data) {
            return "received";
        }
    }

    @Test
    void aSlowStepHoldsOneWorkerWhileTwoHundredOthersFinishWithTheRealTimer() throws Exception {
        long slow = automations.create(Sleeper.class, Map.of("sleep", 20_000), false).getId();
        List<Long> quick = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            quick.add(automations.create(Sleeper.class, Map.of("sleep", 0), false).getId());
        }
        tick.start(Duration.ofSeconds(1));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> unfinished(quick) == 0);
            assertEquals(AutomationStatus.RUNNING, model(slow).getStatus(), "the slow step still runs");
            assertTrue(runningSteps.all().stream().anyMatch(step -> step.getAutomationId() == slow),
                    "the slow step is listed as running");
            URI errors = Deployments.BASE_URI.resolve("errors");
            String page = HttpSessions.get(HttpSessions.loggedIn("admin", "admin", errors), errors).body();
            assertTrue(page.contains("running-" + slow), "the errors page lists the running step: " + page);
        } finally {
            tick.stop();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> model(slow).getStatus() == AutomationStatus.FINISHED);
    }

    @Test
    void aStepPastItsTimeLimitIsFailedRolledBackAndRetryable() {
        long id = automations.create(Limited.class, Map.of("sleep", 5_000), false).getId();

        automations.run(); // returns when the step's code does

        AutomationModel failed = model(id);
        assertEquals(AutomationStatus.FAILED, failed.getStatus());
        assertNull(failed.getData().getBoolean("called"), "the step's writes were rolled back");
        AutomationTaskModel task = automations.getTasks(id).get(0);
        assertTrue(task.getMessage().contains("timed out after PT2S"), task.getMessage());
        String trace = String.valueOf(((Map<?, ?>) task.getResult()).get("error"));
        assertTrue(trace.contains("Limited.call"), "the traceback shows where the step was: " + trace);

        Automation fixed = automations.find(id).orElseThrow();
        fixed.data().put("sleep", 0);
        fixed.save();
        automations.retry(id);
        assertEquals(AutomationStatus.FINISHED, model(id).getStatus());
    }

    @Test
    void aStepThatFailsTwiceThenSucceedsFinishesWithThreeAttemptsInItsHistory() {
        Instant start = Instant.now();
        long id = automations.create(Flaky.class, Map.of("failures", 2)).getId();
        assertEquals(AutomationStatus.RUNNING, model(id).getStatus());
        assertTrue(model(id).getNextRun().isAfter(start.plusSeconds(9)), "waits 10 s before the first retry");

        automations.run(start.plusSeconds(11)); // attempt 2 fails; the next waits 20 s more
        assertEquals(0, automations.run(start.plusSeconds(25)), "not due before the second delay has passed");
        automations.run(start.plusSeconds(40)); // attempt 3 succeeds

        assertEquals(AutomationStatus.FINISHED, model(id).getStatus());
        List<AutomationTaskModel> calls = automations.getTasks(id).stream()
                .filter(t -> t.getStatus().equals("call")).toList();
        assertEquals(3, calls.size());
        assertTrue(calls.get(0).getMessage().contains("attempt 1"), calls.get(0).getMessage());
        assertTrue(calls.get(1).getMessage().contains("attempt 2"), calls.get(1).getMessage());
        assertEquals("OK", calls.get(2).getMessage());
    }

    @Test
    void aStepThatAlwaysFailsEndsFailedAfterItsLastRetry() {
        Instant start = Instant.now();
        long id = automations.create(Flaky.class, Map.of("failures", 100)).getId();
        for (int minutes = 1; minutes <= 4; minutes++) {
            automations.run(start.plus(Duration.ofMinutes(minutes * 2L)));
        }

        assertEquals(AutomationStatus.FAILED, model(id).getStatus());
        assertEquals(4, automations.getTasks(id).stream().filter(t -> t.getStatus().equals("call")).count(),
                "the first attempt and three retries");
    }

    @Test
    void aWaitForAMessageHasNoNextRunAndTheMessageWakesIt() {
        Awaiting awaiting = automations.create(Awaiting.class, Map.of());

        AutomationModel waiting = model(awaiting.getId());
        assertEquals(AutomationStatus.RUNNING, waiting.getStatus());
        assertNull(waiting.getNextRun(), "the tick never reads it while it waits");
        automations.run(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(AutomationStatus.RUNNING, model(awaiting.getId()).getStatus());

        assertEquals("received", awaiting.sendMessage("go", null, null));

        assertEquals(AutomationStatus.FINISHED, model(awaiting.getId()).getStatus());
        assertEquals(Boolean.TRUE, automations.find(awaiting.getId()).orElseThrow().data().getBoolean("went"));
    }

    private AutomationModel model(long id) {
        return automations.getModel(id).orElseThrow();
    }

    private long unfinished(List<Long> ids) {
        return em.createQuery("select count(a) from AutomationModel a where a.id in :ids and a.finished = false",
                Long.class).setParameter("ids", ids).getSingleResult();
    }
}
