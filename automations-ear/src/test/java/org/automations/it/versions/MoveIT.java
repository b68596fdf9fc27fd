package org.automations.it.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.automations.Automations;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditEntry;
import org.automations.audit.AuditFilter;
import org.automations.audit.AuditLog;
import org.automations.demo.PartnerSync;
import org.automations.engine.StepEngine;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Join;
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

/**
 * Moving one automation to a node (issue 15 part 2, the single move): under its row lock, recorded in
 * the history and the audit log, refused for nodes the class lacks or that lie on a Split's path, and
 * a move and a tick at once run the automation once, from the node it ends up at.
 */
@ExtendWith(ArquillianExtension.class)
class MoveIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(MoveIT.class);
    }

    /** Waits an hour at {@code old}, which counts and ends; {@code fresh} counts its own visits and ends. */
    public static class Movable extends Automation {
        Execute old = new Execute(this::countOld).afterWaitingFor(Duration.ofHours(1)).next("end");
        Split parallel = new Split().next("left").next("right");
        Execute left = new Execute();
        Execute right = new Execute();
        Join join = new Join();
        Execute fresh = new Execute(this::countFresh);
        End end = new End();

        void countOld(AutomationTaskModel task) {
            task.getData().put("old", count(task, "old") + 1);
        }

        void countFresh(AutomationTaskModel task) {
            task.getData().put("fresh", count(task, "fresh") + 1);
        }

        private static int count(AutomationTaskModel task, String key) {
            Integer value = task.getData().getInt(key);
            return value == null ? 0 : value;
        }
    }

    @Inject
    Automations automations;

    @Inject
    AuditLog audit;

    @Inject
    StepEngine engine;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService threads;

    @Test
    void aMoveEndsTheOpenTasksSetsDataAndContinuesAtTheNode() {
        long id = automations.create(Movable.class, Map.of()).getId();
        assertEquals(List.of("old"), automations.getWaitingAt(id));

        automations.moveTo(id, "fresh", Map.of("reason", "ticket 42"));

        AutomationModel after = automations.getModel(id).orElseThrow();
        assertEquals(AutomationStatus.FINISHED, after.getStatus());
        assertEquals(1, after.getData().getInt("fresh"));
        assertNull(after.getData().get("old"), "the old node did not run");
        assertEquals("ticket 42", after.getData().get("reason"));
        AutomationTaskModel moved = automations.getTasks(id).stream().filter(t -> t.getStatus().equals("old"))
                .findFirst().orElseThrow();
        assertEquals("Moved to fresh by anonymous", moved.getMessage());
        AuditEntry entry = audit.find(new AuditFilter(null, AuditAction.MOVE, Movable.class.getName(), null, null), 0, 50)
                .stream().filter(e -> Long.valueOf(id).equals(e.getAutomationId())).findFirst().orElseThrow();
        assertEquals("fresh", entry.getNode());
        assertEquals("from old; data set: reason", entry.getDetail());
    }

    @Test
    void aFailedAutomationMovesOnAndRunsFromTheNode() {
        long id = automations.create(PartnerSync.class, Map.of("partner", "ACME")).getId();
        assertEquals(AutomationStatus.FAILED, automations.getModel(id).orElseThrow().getStatus());
        automations.moveTo(id, "confirm", null);
        AutomationModel after = automations.getModel(id).orElseThrow();
        assertEquals(AutomationStatus.FINISHED, after.getStatus(), "confirm ran and the automation ended");
        assertEquals(Boolean.TRUE, after.getData().get("confirmed"));
    }

    @Test
    void nodesTheClassLacksOrOnASplitPathAreRefusedWithTheReason() {
        long id = automations.create(Movable.class, Map.of()).getId();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> automations.moveTo(id, "nowhere", null));
        assertTrue(missing.getMessage().contains("declares no node 'nowhere'")
                && missing.getMessage().contains("[old, parallel, left, right, join, fresh, end]"), missing.getMessage());
        IllegalArgumentException onPath = assertThrows(IllegalArgumentException.class,
                () -> automations.moveTo(id, "left", null));
        assertTrue(onPath.getMessage().contains("lies on a path of Split 'parallel'")
                && onPath.getMessage().contains("Join 'join' would wait forever"), onPath.getMessage());
        IllegalArgumentException join = assertThrows(IllegalArgumentException.class,
                () -> automations.moveTo(id, "join", null));
        assertTrue(join.getMessage().contains("is the Join of Split 'parallel' and would wait forever"), join.getMessage());
        assertEquals(List.of("old"), automations.getWaitingAt(id), "a refused move changes nothing");

        automations.moveTo(id, "parallel", null); // the Split itself is fine: it starts every path
        assertEquals(AutomationStatus.FINISHED, automations.getModel(id).orElseThrow().getStatus());
        IllegalStateException finished = assertThrows(IllegalStateException.class, () -> automations.moveTo(id, "old", null));
        assertTrue(finished.getMessage().contains("it has finished"), finished.getMessage());
    }

    /** Ten rounds: a run of the due node and a move at once; whichever gets the row first wins, the other follows. */
    @Test
    void aMoveAndATickAtOnceRunTheAutomationOnceFromWhereItEndsUp() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = automations.create(Movable.class, Map.of()).getId();
            Instant due = Instant.now().plus(Duration.ofHours(2));
            // A run of the due node that waits for the row (as an explicit run does; the tick's own claim
            // skips a held row and would always come second), and the move: both queue on the row.
            List<Object> results = whileAutomationRowIsHeld(id,
                    () -> engine.advance(id, due, false),
                    () -> {
                        automations.moveTo(id, "fresh", null);
                        return "moved";
                    });
            AutomationModel after = automations.getModel(id).orElseThrow();
            assertEquals(AutomationStatus.FINISHED, after.getStatus(), "round " + round);
            Integer old = after.getData().getInt("old");
            Integer fresh = after.getData().getInt("fresh");
            if ("moved".equals(results.get(1))) {
                assertEquals(1, fresh, "round " + round + ": moved first, so it ran from fresh once");
                assertNull(old, "round " + round + ": and never at old");
            } else {
                assertTrue(results.get(1) instanceof IllegalStateException, "round " + round + ": " + results.get(1));
                assertEquals(1, old, "round " + round + ": the tick ran it first, once");
                assertNull(fresh, "round " + round);
            }
        }
    }

    @SafeVarargs
    private List<Object> whileAutomationRowIsHeld(long id, Callable<Object>... calls) throws Exception {
        transaction.begin();
        em.createNativeQuery("select id from atm_automation where id = ?1 for update").setParameter(1, id).getResultList();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> running = new ArrayList<>();
        for (Callable<Object> call : calls) {
            running.add(threads.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        Thread.sleep(300);
        for (Future<Object> call : running) {
            assertFalse(call.isDone(), "each call waits for the row");
        }
        transaction.commit();
        List<Object> results = new ArrayList<>();
        for (Future<Object> result : running) {
            try {
                results.add(result.get());
            } catch (ExecutionException e) {
                results.add(e.getCause());
            }
        }
        return results;
    }
}
