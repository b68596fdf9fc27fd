package org.automations.engine;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Deletes finished automations in bounded transactions, so the engine keeps running meanwhile. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HistoryStore {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** Counts of one batch: automations and tasks deleted. */
    public record Deleted(long automations, long tasks) {
    }

    /** Deletes up to {@code limit} automations finished and last updated before the cutoff, with their tasks. */
    public Deleted deleteFinishedBefore(Instant cutoff, int limit) {
        List<Long> ids = em.createQuery("select a.id from AutomationModel a where a.finished = true and a.updated < :cutoff"
                + " order by a.id", Long.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return new Deleted(0, 0);
        }
        long tasks = em.createQuery("delete from AutomationTaskModel t where t.automation.id in :ids")
                .setParameter("ids", ids).executeUpdate();
        long automations = em.createQuery("delete from AutomationModel a where a.id in :ids")
                .setParameter("ids", ids).executeUpdate();
        return new Deleted(automations, tasks);
    }
}
