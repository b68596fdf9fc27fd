package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.Node;
import org.automations.metrics.EngineMetrics;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * Delivers one message to one automation inside that automation's row lock (DESIGN.md guarantee 2),
 * so the receiver's changes to {@code data} commit with the delivery and are never lost. The receiver
 * runs in a {@link StepScope}: what it calls (save, messages, create) joins the delivery's transaction.
 * A delivery also wakes the automation's tasks that {@code awaitMessage} this message.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MessageDelivery {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    AutomationFactory factory;

    @Inject
    AfterCommitRuns afterCommit;

    @Inject
    EngineMetrics metrics;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Delivers in a transaction of its own. The receiver's answer; null for an unknown or finished
     * automation, no receiver (and no task awaiting the message), or unmet requirements.
     */
    public Object deliver(long automationId, String message, String token, Map<String, Object> data) throws Exception {
        try {
            return receive(automationId, message, token, data);
        } catch (Exception e) {
            context.setRollbackOnly(); // nothing the receiver changed is kept
            throw e;
        }
    }

    /**
     * Delivers in the caller's transaction (a step or receiver sending a message): the receiver's writes
     * commit or roll back with the caller's step. An exception of the receiver reaches the caller.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Object deliverInCallerTransaction(long automationId, String message, String token, Map<String, Object> data)
            throws Exception {
        return receive(automationId, message, token, data);
    }

    private Object receive(long automationId, String message, String token, Map<String, Object> data) throws Exception {
        StepScope scope = StepScope.open(transactions, afterCommit);
        Automation live = scope.live(automationId);
        AutomationModel model = live != null ? live.getModel() : AutomationRows.claimFresh(em, automationId);
        if (model == null) {
            return null;
        }
        AutomationDefinition definition = registry.find(model.getAutomationClass()).orElse(null);
        if (model.isFinished() || definition == null) {
            return null;
        }
        Method receiver = definition.getReceivers().find(message);
        if (receiver != null && !definition.getReceivers().satisfied(message, data)) {
            return null;
        }
        Automation automation = live != null ? live : factory.instance(definition.getType(), model);
        boolean woken = wakeTasksAwaiting(model, automation, message);
        if (receiver == null && !woken) {
            return null;
        }
        Object answer = receiver == null ? null : invoke(scope, live == null, receiver, automation, token, data);
        metrics.delivered(definition.getClassName(), message); // counted when the delivery's transaction commits
        if (live != null) {
            return answer; // its step writes the data and the wake-up time when it settles
        }
        model.storeData();
        model.setUpdated(EngineClock.now());
        // A receiver may have made an asSoonAs condition true, or a task awaited this message: look at once.
        if (woken || model.getNextRun() != null && model.getNextRun().isAfter(EngineClock.now())) {
            model.setNextRun(EngineClock.now());
        }
        return answer;
    }

    private static Object invoke(StepScope scope, boolean hold, Method receiver, Automation automation, String token,
            Map<String, Object> data) throws Exception {
        long id = automation.getId();
        if (hold) {
            scope.hold(id, automation); // its save() and run() now leave the writing to this delivery
        }
        try {
            return receiver.invoke(automation, token, data);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (hold) {
                scope.release(id);
            }
        }
    }

    /** Marks the open tasks at nodes that await this message as received; true when there was one. */
    private boolean wakeTasksAwaiting(AutomationModel model, Automation automation, String message) {
        boolean awaited = automation.getNodes().stream().anyMatch(node -> message.equals(node.getAwaitedMessage()));
        if (!awaited) {
            return false;
        }
        Instant now = EngineClock.now();
        boolean woken = false;
        List<AutomationTaskModel> open = em.createQuery("select t from AutomationTaskModel t where t.automation = :a"
                + " and t.finished is null", AutomationTaskModel.class).setParameter("a", model).getResultList();
        for (AutomationTaskModel task : open) {
            Node node = automation.getNode(task.getStatus());
            if (node != null && message.equals(node.getAwaitedMessage()) && task.getMessageReceived() == null) {
                task.setMessageReceived(now);
                woken = true;
            }
        }
        return woken;
    }

    /** Ids of the unfinished instances of a class, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> runningIds(String className) {
        return em.createQuery("select a.id from AutomationModel a where a.automationClass = :c and a.finished = false"
                + " order by a.id", Long.class).setParameter("c", className).getResultList();
    }
}
