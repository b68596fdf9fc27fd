package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.admin.FailedAutomations;
import org.automations.admin.FailedAutomations.FailedClass;
import org.automations.admin.FailedAutomations.Failure;
import org.automations.admin.FailedAutomations.ObsoleteNode;
import org.automations.demo.PartnerSync;
import org.automations.flow.Data;
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
 * The errors page's actions on the engine: the demo PartnerSync fails at its first step until an
 * administrator acts. Retry and skip are recorded in the history with the caller's name (here the
 * unauthenticated caller; ErrorsPageIT does it as admin in a browser), kill removes everything.
 */
@ExtendWith(ArquillianExtension.class)
class ErrorsAdminIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(ErrorsAdminIT.class);
    }

    @Inject
    Automations automations;

    @Inject
    FailedAutomations failed;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Test
    void aFailedAutomationIsListedUnderItsClassWithTheTaskItFailedAt() {
        long id = failedPartnerSync();

        FailedClass group = failed.failedClasses().stream()
                .filter(c -> c.className().equals(PartnerSync.class.getName())).findFirst().orElseThrow();
        assertEquals("Partner order import", group.verboseName());
        assertTrue(group.deployed());
        Failure failure = failed.failures(PartnerSync.class.getName(), 50).stream()
                .filter(f -> f.automationId() == id).findFirst().orElseThrow();
        assertEquals("fetchOrders", failure.node());
        assertTrue(failure.message().contains("503 Service Unavailable"), failure.message());
        AutomationTaskModel task = automations.getTasks(id).get(0);
        assertEquals(task.getId(), failure.taskId());
    }

    @Test
    void retryRecordsWhoRetriedRunsTheStepAgainAndTheAutomationFinishes() {
        long id = failedPartnerSync();

        AutomationModel after = failed.retry(id).orElseThrow();

        assertEquals(AutomationStatus.FINISHED, after.getStatus());
        List<AutomationTaskModel> tasks = automations.getTasks(id);
        assertEquals(List.of("fetchOrders", "fetchOrders", "fetchOrders", "confirm", "end"),
                tasks.stream().map(AutomationTaskModel::getStatus).toList());
        AutomationTaskModel record = tasks.get(1);
        assertEquals("Retried by anonymous", record.getMessage());
        assertEquals(Map.of("action", "retry", "by", "anonymous"), record.getResult());
        assertEquals(tasks.get(0).getId(), record.getPrevious().getId());
        assertEquals(record.getId(), tasks.get(2).getPrevious().getId());
        assertEquals("OK", tasks.get(2).getMessage());
        assertEquals(3, after.getData().getInt("orders"));
        assertFalse(failed.failures(PartnerSync.class.getName(), 50).stream().anyMatch(f -> f.automationId() == id));
    }

    @Test
    void skipRecordsWhoSkippedAndContinuesAfterTheFailedNode() {
        long id = failedPartnerSync();

        AutomationModel after = failed.skip(id).orElseThrow();

        assertEquals(AutomationStatus.FINISHED, after.getStatus());
        List<AutomationTaskModel> tasks = automations.getTasks(id);
        assertEquals(List.of("fetchOrders", "fetchOrders", "confirm", "end"),
                tasks.stream().map(AutomationTaskModel::getStatus).toList());
        assertEquals("Skipped by anonymous", tasks.get(1).getMessage());
        assertEquals(Map.of("action", "skip", "by", "anonymous"), tasks.get(1).getResult());
        assertEquals(null, after.getData().get("orders"));
        assertEquals(Boolean.TRUE, after.getData().getBoolean("confirmed"));
    }

    @Test
    void retryAllRetriesEveryFailedAutomationOfTheClass() {
        List<Long> ids = List.of(failedPartnerSync(), failedPartnerSync(), failedPartnerSync());

        FailedAutomations.RetryAll result = failed.retryAll(PartnerSync.class.getName());

        assertTrue(result.retried() >= 3, result.toString());
        assertEquals(result.retried(), result.finished(), result.toString());
        assertEquals(0, result.refused());
        for (long id : ids) {
            assertEquals(AutomationStatus.FINISHED, automations.getModel(id).orElseThrow().getStatus());
        }
        assertEquals(List.of(), failed.failures(PartnerSync.class.getName(), 50));
    }

    @Test
    void killDeletesTheAutomationWithItsHistory() {
        long id = failedPartnerSync();

        failed.kill(id);

        assertTrue(automations.getModel(id).isEmpty());
        assertEquals(List.of(), automations.getTasks(id));
        assertFalse(failed.failures(PartnerSync.class.getName(), 50).stream().anyMatch(f -> f.automationId() == id));
    }

    @Test
    void retryOfAnAutomationThatHasNotFailedIsRefusedWithItsState() {
        long id = failedPartnerSync();
        failed.retry(id);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> failed.retry(id));

        assertTrue(refused.getMessage().contains("Automation " + id + " has not failed (it is FINISHED)"),
                refused.getMessage());
    }

    @Test
    void runningAutomationsWaitingAtARemovedNodeAreListed() throws Exception {
        long id = insertRunningAutomationWaitingAt(PartnerSync.class.getName(), "removedNode");
        long otherId = insertRunningAutomationWaitingAt("org.example.RemovedAutomation", "start");

        List<ObsoleteNode> obsolete = failed.obsoleteNodes();

        ObsoleteNode removedNode = obsolete.stream().filter(o -> o.node().equals("removedNode")).findFirst().orElseThrow();
        assertEquals(PartnerSync.class.getName(), removedNode.className());
        assertTrue(removedNode.classDeployed());
        assertEquals(1, removedNode.count());
        assertEquals(id, removedNode.firstAutomationId());
        ObsoleteNode removedClass = obsolete.stream()
                .filter(o -> o.className().equals("org.example.RemovedAutomation")).findFirst().orElseThrow();
        assertFalse(removedClass.classDeployed());
        assertEquals(otherId, removedClass.firstAutomationId());
        assertFalse(obsolete.stream().anyMatch(o -> o.node().equals("fetchOrders")),
                "a node the class declares is not obsolete");
        // The tick passes over such automations without failing, and stops looking at them.
        automations.run();
        AutomationModel after = automations.getModel(id).orElseThrow();
        assertEquals(AutomationStatus.RUNNING, after.getStatus());
        assertEquals(null, after.getNextRun(), "no node can wake it: the tick's index no longer lists it");
    }

    private long failedPartnerSync() {
        PartnerSync sync = automations.create(PartnerSync.class, Map.of("partner", "ACME"));
        assertEquals(AutomationStatus.FAILED, automations.getModel(sync.getId()).orElseThrow().getStatus());
        return sync.getId();
    }

    /** What a redeployment that removed a node (or a class) leaves behind. */
    private long insertRunningAutomationWaitingAt(String className, String node) throws Exception {
        transaction.begin();
        AutomationModel model = new AutomationModel();
        model.setAutomationClass(className);
        model.setStatus(AutomationStatus.RUNNING);
        model.setData(new Data());
        model.setCreated(Instant.now());
        model.setUpdated(Instant.now());
        model.setNextRun(Instant.now());
        em.persist(model);
        model.setKey("k" + model.getId());
        em.persist(new AutomationTaskModel(model, null, node, Instant.now()));
        transaction.commit();
        return model.getId();
    }
}
