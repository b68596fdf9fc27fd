package org.automations.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.automations.model.AutomationTaskModel;

/**
 * Read side of the administration pages: a task of one automation (the traceback URL names both;
 * the automation itself comes from {@code Automations.getModel}). The web module checks the roles first.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AutomationHistory {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** The task with that id if it belongs to that automation (the traceback URL names both). */
    public Optional<AutomationTaskModel> task(long automationId, long taskId) {
        // No alias on the fetch join: Hibernate runs with JPA compliance, which forbids one.
        return em.createQuery("select t from AutomationTaskModel t join fetch t.automation"
                + " where t.id = :task and t.automation.id = :automation", AutomationTaskModel.class)
                .setParameter("task", taskId).setParameter("automation", automationId)
                .getResultStream().findFirst();
    }
}
