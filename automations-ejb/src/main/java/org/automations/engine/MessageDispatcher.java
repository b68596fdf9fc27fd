package org.automations.engine;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.SendMessage;
import org.automations.model.AutomationTaskModel;

/**
 * Sends messages: to one instance, or broadcast to every running instance of a class (stopping after
 * a receiver answers "received"). Sent from outside the engine, each delivery commits on its own and
 * the receiver's automation runs on right after. Sent from inside a step or a receiver, the delivery
 * takes part in that transaction (its writes commit or roll back with the step) and the receiver's
 * automation runs on once it has committed.
 */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MessageDispatcher implements MessageSender {

    public static final String RECEIVED = "received";

    @Inject
    MessageDelivery delivery;

    @Inject
    AutomationRegistry registry;

    @Inject
    StepEngine engine;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Delivers to one instance and lets it continue; null when it cannot receive the message. */
    public Object dispatch(long automationId, String message, String token, Map<String, Object> data) {
        try {
            StepScope scope = StepScope.current(transactions);
            if (scope != null) {
                Object answer = delivery.deliverInCallerTransaction(automationId, message, token, data);
                if (!scope.holds(automationId)) {
                    scope.advanceAfterCommit(automationId);
                }
                return answer;
            }
            StepScope.refuseOwnLock(automationId, "send a message to");
            Object answer = deliverAlone(automationId, message, token, data);
            engine.advance(automationId, EngineClock.now(), true);
            return answer;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Receiver of '" + message + "' in automation " + automationId + " failed: " + e, e);
        }
    }

    /**
     * Delivers in a transaction of its own. Seen on H2 with several senders: a row read FOR UPDATE
     * right after the previous holder committed can come back in its version before that commit, and
     * the delivery's version check then refuses its update at the commit. Nothing of that attempt was
     * kept, so it is tried again (the receiver runs again, as a step does after a rollback).
     */
    private Object deliverAlone(long automationId, String message, String token, Map<String, Object> data)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return delivery.deliver(automationId, message, token, data);
            } catch (EJBException e) {
                if (attempt == 3 || !StepEngine.causedBy(e, OptimisticLockException.class)) {
                    throw e;
                }
            }
        }
    }

    public List<Object> broadcast(Class<? extends Automation> type, String message, String token, Map<String, Object> data) {
        List<Object> answers = new ArrayList<>();
        for (long id : delivery.runningIds(type.getName())) {
            Object answer = dispatch(id, message, token, data);
            answers.add(answer);
            if (RECEIVED.equals(answer)) {
                break;
            }
        }
        return answers;
    }

    @Override
    public List<Object> send(SendMessage node, AutomationTaskModel task) throws Exception {
        Object target = node.getTargetFunction() != null ? node.getTargetFunction().target(task) : null;
        Map<String, Object> data = node.getData();
        if (node.getTargetId() != null || target instanceof Number) {
            long id = node.getTargetId() != null ? node.getTargetId() : ((Number) target).longValue();
            List<Object> answers = new ArrayList<>();
            answers.add(dispatch(id, node.getMessage(), node.getToken(), data));
            return answers;
        }
        if (target instanceof Automation automation) {
            List<Object> answers = new ArrayList<>();
            answers.add(dispatch(automation.getId(), node.getMessage(), node.getToken(), data));
            return answers;
        }
        return broadcast(targetClass(node, target), node.getMessage(), node.getToken(), data);
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Automation> targetClass(SendMessage node, Object target) {
        if (target instanceof Class<?> type) {
            return (Class<? extends Automation>) type;
        }
        if (node.getTargetClass() != null) {
            return node.getTargetClass();
        }
        String name = node.getTargetClassName();
        return registry.find(name).<Class<? extends Automation>>map(AutomationDefinition::getType)
                .orElseThrow(() -> new IllegalArgumentException("SendMessage " + node.getName() + ": '" + name
                        + "' is not a deployed automation class"));
    }
}
