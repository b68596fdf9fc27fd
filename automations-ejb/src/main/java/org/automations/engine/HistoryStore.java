package org.automations.engine;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.automations.model.AutomationStatus;

/**
 * Deletes finished automations with their tasks in bounded transactions, so the engine keeps running
 * meanwhile. Shared by {@code Automations.deleteHistory} and the history-cleanup batch job.
 */
@Stateless
@PermitAll
public class HistoryStore {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** Counts of one batch: automations and tasks deleted. */
    public record Deleted(long automations, long tasks) {
    }

    /** One bounded batch: the last id it looked at (the next batch starts after it) and what it deleted. */
    public record Batch(long lastId, int examined, Deleted deleted) {
    }

    /**
     * Ids of automations finished and last updated before the cutoff, greater than {@code afterId},
     * ascending, at most {@code limit} (keyset paging: a page costs the same however far it is).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Long> finishedIds(Instant cutoff, long afterId, int limit) {
        return finishedIds(cutoff, afterId, limit, true);
    }

    /** As above; without {@code includeFailed}, FAILED automations are not among them. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Long> finishedIds(Instant cutoff, long afterId, int limit, boolean includeFailed) {
        return em.createQuery("select a.id from AutomationModel a where a.finished = true and a.updated < :cutoff"
                + failedClause(includeFailed) + " and a.id > :after order by a.id", Long.class)
                .setParameter("cutoff", cutoff).setParameter("after", afterId)
                .setMaxResults(limit).getResultList();
    }

    /** How many automations are finished and last updated before the cutoff (progress of a cleanup). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countFinished(Instant cutoff) {
        return countFinished(cutoff, true);
    }

    /** As above; without {@code includeFailed}, FAILED automations are not counted. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countFinished(Instant cutoff, boolean includeFailed) {
        return em.createQuery("select count(a) from AutomationModel a where a.finished = true and a.updated < :cutoff"
                + failedClause(includeFailed), Long.class).setParameter("cutoff", cutoff).getSingleResult();
    }

    /** How many FAILED automations were last updated before the cutoff (what a cleanup with them would add). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countFailed(Instant cutoff) {
        return em.createQuery("select count(a) from AutomationModel a where a.status = :failed and a.updated < :cutoff",
                Long.class).setParameter("failed", AutomationStatus.FAILED).setParameter("cutoff", cutoff)
                .getSingleResult();
    }

    private static String failedClause(boolean includeFailed) {
        return includeFailed ? "" : " and a.status <> org.automations.model.AutomationStatus.FAILED";
    }

    /**
     * Deletes, in the caller's transaction, those of {@code ids} that are still finished and last
     * updated before the cutoff, with their tasks. The rows are re-checked under their row lock:
     * the engine may have claimed one meanwhile (Automations.retry turns a FAILED automation back to
     * RUNNING), so rows it holds are skipped and rows it changed no longer qualify.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Deleted delete(List<Long> ids, Instant cutoff) {
        return delete(ids, cutoff, true);
    }

    /** As above; without {@code includeFailed}, FAILED automations among {@code ids} stay. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Deleted delete(List<Long> ids, Instant cutoff, boolean includeFailed) {
        if (ids.isEmpty()) {
            return new Deleted(0, 0);
        }
        // One array parameter (= any) instead of an IN list of a thousand: the database parses and
        // plans each statement once, whatever the batch size (H2 and PostgreSQL both take arrays).
        Long[] batch = ids.toArray(Long[]::new);
        List<?> rows = em.createNativeQuery("select id from atm_automation where id = any(:ids) and finished = true"
                + " and updated < :cutoff" + (includeFailed ? "" : " and status <> 'FAILED'") + " for update skip locked")
                .setParameter("ids", batch).setParameter("cutoff", cutoff).getResultList();
        Long[] locked = rows.stream().map(id -> ((Number) id).longValue()).toArray(Long[]::new);
        if (locked.length == 0) {
            return new Deleted(0, 0);
        }
        // No cascades (schema version 5): permission rows, tasks, then the automations.
        em.createNativeQuery("delete from atm_task_permission where task_id in"
                + " (select id from atm_task where automation_id = any(:ids))").setParameter("ids", locked).executeUpdate();
        long tasks = em.createNativeQuery("delete from atm_task where automation_id = any(:ids)")
                .setParameter("ids", locked).executeUpdate();
        long automations = em.createNativeQuery("delete from atm_automation where id = any(:ids)")
                .setParameter("ids", locked).executeUpdate();
        return new Deleted(automations, tasks);
    }

    /** One batch of {@link #finishedIds} and {@link #delete} in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Batch deleteFinishedBefore(Instant cutoff, long afterId, int limit) {
        List<Long> ids = finishedIds(cutoff, afterId, limit);
        if (ids.isEmpty()) {
            return new Batch(afterId, 0, new Deleted(0, 0));
        }
        return new Batch(ids.get(ids.size() - 1), ids.size(), delete(ids, cutoff));
    }
}
