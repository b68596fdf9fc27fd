package org.automations.it.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
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
 * The tick advances several due automations per transaction: one whose step throws, or dooms the
 * shared transaction, must not cost its neighbours anything, and no step may run twice.
 */
@ExtendWith(ArquillianExtension.class)
class TickIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TickIT.class);
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** Waits an hour, then runs "later": it fails, or dooms the transaction, when its data says so. */
    public static class Waiting extends Automation {
        @PersistenceContext(unitName = "automations")
        EntityManager em;

        @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
        TransactionSynchronizationRegistry transaction;

        Execute start = new Execute(this::start);
        Execute later = new Execute(this::later).afterWaitingFor(Duration.ofHours(1));
        Execute after = new Execute(this::after);
        End end = new End();

        void start(AutomationTaskModel task) {
            count(task, "startRuns");
        }

        void later(AutomationTaskModel task) {
            count(task, "laterRuns");
            String mode = task.getData().getString("mode");
            if ("fail".equals(mode)) {
                long id = task.getAutomation().getId();
                em.createNativeQuery("insert into atm_task (id, automation_id, status, locked, requires_interaction,"
                        + " awaits_person, created) values (?1, ?2, 'ghost', 0, false, false, ?3)")
                        .setParameter(1, 2_000_000_000L + id).setParameter(2, id).setParameter(3, task.getCreated())
                        .executeUpdate();
                throw new IllegalStateException("later failed for " + id);
            }
            if ("doom".equals(mode)) {
                transaction.setRollbackOnly();
                throw new IllegalStateException("later doomed the transaction");
            }
        }

        void after(AutomationTaskModel task) {
            count(task, "afterRuns");
        }

        private static void count(AutomationTaskModel task, String key) {
            Integer runs = task.getData().getInt(key);
            task.getData().put(key, runs == null ? 1 : runs + 1);
        }
    }

    /** The same without step savepoints: a failure rolls back the tick's shared transaction. */
    @Meta(stepSavepoints = false)
    public static class WaitingWithoutSavepoints extends Waiting {
    }

    @Test
    void aFailingAutomationInTheTicksTransactionCostsItsNeighboursNothing() {
        failuresInATick(Waiting.class);
    }

    @Test
    void withoutSavepointsTheTicksTransactionIsRolledBackAndRedoneAndNoStepCountsTwice() {
        failuresInATick(WaitingWithoutSavepoints.class);
    }

    private void failuresInATick(Class<? extends Waiting> type) {
        List<Long> ok = new ArrayList<>();
        List<Long> failing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String mode = i % 10 == 4 ? "fail" : "ok";
            long id = automations.create(type, Map.of("mode", mode)).getId();
            (mode.equals("fail") ? failing : ok).add(id);
        }

        int advanced = automations.run(Instant.now().plus(Duration.ofHours(2)));

        assertTrue(advanced >= 30, "every due automation advanced, counted " + advanced);
        for (long id : ok) {
            AutomationModel model = automations.getModel(id).orElseThrow();
            assertEquals(AutomationStatus.FINISHED, model.getStatus(), "automation " + id);
            for (String runs : List.of("startRuns", "laterRuns", "afterRuns")) {
                assertEquals(1, model.getData().getInt(runs), "each step ran once: " + runs + " of " + id);
            }
        }
        for (long id : failing) {
            AutomationModel model = automations.getModel(id).orElseThrow();
            assertEquals(AutomationStatus.FAILED, model.getStatus(), "automation " + id);
            assertEquals(1, model.getData().getInt("startRuns"), "the earlier step's data is kept");
            assertNull(model.getData().get("laterRuns"), "the failed step's data is rolled back");
            List<AutomationTaskModel> tasks = automations.getTasks(id);
            assertEquals(List.of("start", "later"), tasks.stream().map(AutomationTaskModel::getStatus).toList(),
                    "the failed step's own row is rolled back");
            assertEquals("java.lang.IllegalStateException: later failed for " + id, tasks.get(1).getMessage());
        }
    }

    @Test
    void anAutomationThatDoomsTheSharedTransactionIsRetriedAloneAndItsNeighboursFinish() {
        List<Long> ok = new ArrayList<>();
        long doomed = -1;
        for (int i = 0; i < 10; i++) {
            String mode = i == 3 ? "doom" : "ok";
            long id = automations.create(Waiting.class, Map.of("mode", mode)).getId();
            if (mode.equals("doom")) {
                doomed = id;
            } else {
                ok.add(id);
            }
        }

        automations.run(Instant.now().plus(Duration.ofHours(2)));

        for (long id : ok) {
            AutomationModel model = automations.getModel(id).orElseThrow();
            assertEquals(AutomationStatus.FINISHED, model.getStatus(), "automation " + id);
            assertEquals(1, model.getData().getInt("laterRuns"), "rolled back once, then committed once: " + id);
            assertEquals(1, model.getData().getInt("afterRuns"), "automation " + id);
        }
        AutomationModel model = automations.getModel(doomed).orElseThrow();
        assertEquals(AutomationStatus.FAILED, model.getStatus());
        List<AutomationTaskModel> tasks = automations.getTasks(doomed);
        assertEquals("java.lang.IllegalStateException: later doomed the transaction", tasks.get(1).getMessage());
    }
}
