package org.automations.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.automations.model.AutomationTaskModel;

/**
 * Read side of the administration pages: windows of an automation's steps for its history page and a
 * task of one automation (the traceback URL names both; the automation itself comes from
 * {@code Automations.getModel}). The web module checks the roles first.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AutomationHistory {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /**
     * A window of an automation's steps for its history page, oldest first: the {@code size} newest
     * steps older than task {@code before}, or, with {@code after}, the {@code size} oldest steps
     * newer than task {@code after}; with neither, the newest steps. An automation that loops for
     * months has tens of thousands of steps: the page shows one window of them at a time.
     */
    public List<AutomationTaskModel> steps(long automationId, Long before, Long after, int size) {
        boolean newestFirst = after == null;
        List<AutomationTaskModel> steps = new ArrayList<>(em.createQuery("select t from AutomationTaskModel t"
                + " join fetch t.automation left join fetch t.previous where t.automation.id = :automation"
                + " and t.id < :before and t.id > :after order by t.id " + (newestFirst ? "desc" : "asc"),
                AutomationTaskModel.class)
                .setParameter("automation", automationId)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("after", after == null ? Long.MIN_VALUE : after)
                .setMaxResults(size).getResultList());
        if (newestFirst) {
            Collections.reverse(steps);
        }
        return steps;
    }

    /** How many steps of the automation are older than that task (0 for its first step). */
    public long stepsBefore(long automationId, long taskId) {
        return em.createQuery("select count(t) from AutomationTaskModel t where t.automation.id = :automation"
                + " and t.id < :task", Long.class)
                .setParameter("automation", automationId).setParameter("task", taskId).getSingleResult();
    }

    /** How many steps the automation has. */
    public long countSteps(long automationId) {
        return stepsBefore(automationId, Long.MAX_VALUE);
    }

    /** The nodes of the automation's open tasks (where it waits), oldest task first, each once. */
    public List<String> openNodes(long automationId) {
        return em.createQuery("select t.status from AutomationTaskModel t where t.automation.id = :automation"
                + " and t.finished is null order by t.id", String.class)
                .setParameter("automation", automationId).getResultStream().distinct().toList();
    }

    /** The task with that id if it belongs to that automation (the traceback URL names both). */
    public Optional<AutomationTaskModel> task(long automationId, long taskId) {
        // No alias on the fetch join: Hibernate runs with JPA compliance, which forbids one.
        return em.createQuery("select t from AutomationTaskModel t join fetch t.automation"
                + " where t.id = :task and t.automation.id = :automation", AutomationTaskModel.class)
                .setParameter("task", taskId).setParameter("automation", automationId)
                .getResultStream().findFirst();
    }
}
