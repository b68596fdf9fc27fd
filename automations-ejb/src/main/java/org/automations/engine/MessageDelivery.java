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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.model.AutomationModel;

/**
 * Delivers one message to one automation inside that automation's row lock (DESIGN.md guarantee 2),
 * so the receiver's changes to {@code data} commit with the delivery and are never lost.
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

    @Resource
    SessionContext context;

    /** The receiver's answer; null for an unknown or finished automation, no receiver, or unmet requirements. */
    public Object deliver(long automationId, String message, String token, Map<String, Object> data) throws Exception {
        List<?> rows = em.createNativeQuery("select * from atm_automation where id = ?1 for update", AutomationModel.class)
                .setParameter(1, automationId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        AutomationModel model = (AutomationModel) rows.get(0);
        AutomationDefinition definition = registry.find(model.getAutomationClass()).orElse(null);
        if (model.isFinished() || definition == null || !definition.getReceivers().satisfied(message, data)) {
            return null;
        }
        Method receiver = definition.getReceivers().find(message);
        Automation automation = factory.instance(definition.getType(), model);
        try {
            Object answer = receiver.invoke(automation, token, data);
            model.storeData();
            model.setUpdated(EngineClock.now());
            // A receiver may have made an asSoonAs condition true: let the tick look at once.
            if (model.getNextRun() != null && model.getNextRun().isAfter(EngineClock.now())) {
                model.setNextRun(EngineClock.now());
            }
            return answer;
        } catch (InvocationTargetException e) {
            context.setRollbackOnly(); // nothing the receiver changed is kept
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Ids of the unfinished instances of a class, oldest first. */
    public List<Long> runningIds(String className) {
        return em.createQuery("select a.id from AutomationModel a where a.automationClass = :c and a.finished = false"
                + " order by a.id", Long.class).setParameter("c", className).getResultList();
    }
}
