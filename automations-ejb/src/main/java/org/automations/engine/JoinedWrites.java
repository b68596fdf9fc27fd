package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditLog;
import org.automations.flow.Data;
import org.automations.metrics.EngineMetrics;
import org.automations.model.AutomationModel;

/**
 * The engine's writes in the caller's transaction: a step's or receiver's calls into the engine
 * (through {@link StepScope}), and the bodies of the engine's own transactions ({@link StepExecutor}
 * calls these from its REQUIRES_NEW methods). What they write commits or rolls back with the caller.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JoinedWrites {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    EngineMetrics metrics;

    @Inject
    AuditLog audit;

    /** Writes an automation's data under its row lock. */
    public AutomationModel saveData(long automationId, Data data) {
        AutomationModel model = AutomationRows.claimFresh(em, automationId);
        if (model == null) {
            throw new IllegalStateException("Automation " + automationId + " does not exist (killed?)");
        }
        model.setData(new Data(data));
        model.setUpdated(EngineClock.now());
        return model;
    }

    /** Deletes the automation and its tasks, under its row lock. */
    public void kill(long automationId, String actor) {
        StepScope scope = StepScope.current(transactions);
        if (scope != null) {
            scope.forget(automationId);
        }
        AutomationModel model = AutomationRows.claim(em, automationId, EngineClock.now(), ClaimMode.WAIT);
        if (model == null) {
            return;
        }
        audit.record(AuditAction.KILL, actor, model, lastNodes(automationId), model.getStatus().name());
        // Its row goes: a managed copy that someone changes later must not be written at the commit.
        em.detach(model);
        em.createNativeQuery("delete from atm_task_permission where task_id in"
                + " (select id from atm_task where automation_id = ?1)").setParameter(1, automationId).executeUpdate();
        em.createQuery("delete from AutomationTaskModel t where t.automation.id = :id")
                .setParameter("id", automationId).executeUpdate();
        em.createQuery("delete from AutomationModel a where a.id = :id").setParameter("id", automationId).executeUpdate();
    }

    /** Where the automation waits (its open tasks' nodes), else the node of its last step: kept by the audit log. */
    private String lastNodes(long automationId) {
        List<String> open = em.createQuery("select t.status from AutomationTaskModel t where t.automation.id = :id"
                + " and t.finished is null order by t.id", String.class).setParameter("id", automationId).getResultList();
        if (!open.isEmpty()) {
            return String.join(", ", open);
        }
        return em.createQuery("select t.status from AutomationTaskModel t where t.automation.id = :id order by t.id desc",
                String.class).setParameter("id", automationId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * Inserts a new automation without a task: its first run enters {@code startNode}. Flushed at once,
     * so the unique index refuses a second {@code @Unique} instance here, not at the commit.
     *
     * @param due true to let the tick start it; false when the caller runs it itself right after
     */
    public AutomationModel create(AutomationDefinition definition, Data data, String uniqueKey, String startNode,
            boolean due, Instant now) {
        String start = startNode == null ? definition.firstNode() : startNode;
        AutomationModel model = AutomationRows.insert(em, definition, data, uniqueKey, start, due ? now : null, now);
        em.flush();
        metrics.started(definition.getClassName());
        return model;
    }
}
