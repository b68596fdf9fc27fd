package org.automations.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.automations.Automations;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationRegistry;
import org.automations.engine.StepExecutor;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;

/**
 * The errors page's side of the engine (DESIGN.md guarantees 4 and 6): failed automations grouped
 * by class, tasks waiting at nodes a redeployment removed, and the administrator's actions. Retry
 * and skip are recorded in the automation's history with the caller's name; a kill deletes the
 * history, so it is recorded in the server log instead. The web module checks the roles.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FailedAutomations {

    private static final Logger AUDIT = Logger.getLogger("org.automations.admin");

    /** How many automations of one class with an error. */
    public record FailedClass(String className, String verboseName, boolean deployed, long count) {
    }

    /** A failed automation and the task where it failed. */
    public record Failure(long automationId, Instant created, long taskId, String node, String message,
            Instant failedAt) {
    }

    /** Running automations with open tasks at a node their class no longer declares. */
    public record ObsoleteNode(String className, String node, boolean classDeployed, long count,
            long firstAutomationId) {
    }

    /** What a retry of every failed automation of a class did. */
    public record RetryAll(int retried, int finished, int running, int failedAgain, int refused) {
    }

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    StepExecutor executor;

    @Inject
    Automations automations;

    @Resource
    SessionContext context;

    /** Classes with failed automations, most failures first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FailedClass> failedClasses() {
        return em.createQuery("select a.automationClass, count(a) from AutomationModel a where a.status = :failed"
                + " group by a.automationClass order by count(a) desc, a.automationClass", Object[].class)
                .setParameter("failed", AutomationStatus.FAILED).getResultList().stream()
                .map(row -> failedClass((String) row[0], (Long) row[1])).toList();
    }

    /** The newest failed automations of a class with the task each failed at (one query). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Failure> failures(String className, int max) {
        return em.createQuery("select a.id, a.created, t.id, t.status, t.message, t.finished"
                + " from AutomationTaskModel t join t.automation a"
                + " where a.status = :failed and a.automationClass = :cls and t.id = (select max(e.id)"
                + " from AutomationTaskModel e where e.automation = a and e.resultJson like '{\"error\"%')"
                + " order by a.id desc", Object[].class)
                .setParameter("failed", AutomationStatus.FAILED).setParameter("cls", className)
                .setMaxResults(max).getResultList().stream()
                .map(row -> new Failure((Long) row[0], (Instant) row[1], (Long) row[2], (String) row[3],
                        (String) row[4], (Instant) row[5]))
                .toList();
    }

    /**
     * Open tasks of running automations at nodes that do not exist (any more): grouped by class and
     * node, so the query reads each pair once however many automations wait there.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ObsoleteNode> obsoleteNodes() {
        return em.createQuery("select a.automationClass, t.status, count(t), min(a.id) from AutomationTaskModel t"
                + " join t.automation a where t.finished is null and a.status = :running"
                + " group by a.automationClass, t.status order by a.automationClass, t.status", Object[].class)
                .setParameter("running", AutomationStatus.RUNNING).getResultList().stream()
                .filter(row -> !declares((String) row[0], (String) row[1]))
                .map(row -> new ObsoleteNode((String) row[0], (String) row[1],
                        registry.find((String) row[0]).isPresent(), (Long) row[2], (Long) row[3]))
                .toList();
    }

    /** Re-runs the failed step and lets the automation continue; returns its state afterwards. */
    public Optional<AutomationModel> retry(long automationId) {
        automations.retry(automationId);
        return automations.getModel(automationId);
    }

    /**
     * Retries every failed automation of a class (after a fix of the class's code), one after the
     * other, each in its own transactions as a single retry would be.
     */
    public RetryAll retryAll(String className) {
        List<Long> ids = em.createQuery("select a.id from AutomationModel a where a.status = :failed"
                + " and a.automationClass = :cls order by a.id", Long.class)
                .setParameter("failed", AutomationStatus.FAILED).setParameter("cls", className).getResultList();
        int finished = 0;
        int running = 0;
        int failedAgain = 0;
        int refused = 0;
        for (long id : ids) {
            try {
                AutomationStatus status = retry(id).map(AutomationModel::getStatus).orElse(AutomationStatus.FINISHED);
                switch (status) {
                    case FINISHED -> finished++;
                    case RUNNING -> running++;
                    case FAILED -> failedAgain++;
                }
            } catch (IllegalStateException e) {
                refused++; // retried or killed by someone else meanwhile, or its node is gone
            }
        }
        return new RetryAll(ids.size() - refused, finished, running, failedAgain, refused);
    }

    /** Continues after the failed step; returns the automation's state afterwards. */
    public Optional<AutomationModel> skip(long automationId) {
        automations.skip(automationId);
        return automations.getModel(automationId);
    }

    /** Deletes the automation and its history; the audit log (and the server log) keep who did it. */
    public void kill(long automationId) {
        Optional<AutomationModel> model = automations.getModel(automationId);
        executor.kill(automationId);
        AUDIT.info(() -> "Automation " + automationId + model.map(m -> " (" + m.getAutomationClass() + ", "
                + m.getStatus() + ")").orElse("") + " killed by " + context.getCallerPrincipal().getName());
    }

    private FailedClass failedClass(String className, long count) {
        Optional<AutomationDefinition> definition = registry.find(className);
        String verboseName = definition.map(d -> automations.getVerboseName(className))
                .orElse("Obsolete automation " + className);
        return new FailedClass(className, verboseName, definition.isPresent(), count);
    }

    private boolean declares(String className, String node) {
        return registry.find(className).map(d -> d.getNodeNames().contains(node)).orElse(false);
    }
}
