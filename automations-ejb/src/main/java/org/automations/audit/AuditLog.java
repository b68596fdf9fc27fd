package org.automations.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.engine.EngineClock;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;

/**
 * Writes and reads the audit log. An entry is written in the caller's transaction, so it commits
 * or rolls back with the action it records.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** An action on an automation as a whole (retry, skip, kill, move). */
    public void record(AuditAction action, String actor, AutomationModel automation, String node, String detail) {
        em.persist(new AuditEntry(EngineClock.now(), actor, action)
                .about(automation.getAutomationClass(), automation.getId(), automation.getKey())
                .at(node, null).saying(detail));
    }

    /** An action on one task (claim, release, reassign, a submitted form). */
    public void record(AuditAction action, String actor, AutomationTaskModel task, String detail) {
        AutomationModel automation = task.getAutomation();
        em.persist(new AuditEntry(EngineClock.now(), actor, action)
                .about(automation.getAutomationClass(), automation.getId(), automation.getKey())
                .at(task.getStatus(), task.getId()).saying(detail));
    }

    /** An action on many automations or none in particular (a cleanup run, a migration run). */
    public void record(AuditAction action, String actor, String automationClass, String detail) {
        em.persist(new AuditEntry(EngineClock.now(), actor, action).about(automationClass, null, null).saying(detail));
    }

    /** The entries the filter selects, newest first, one page. */
    public List<AuditEntry> find(AuditFilter filter, int first, int max) {
        return query(filter, "select e", " order by e.time desc, e.id desc", AuditEntry.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(AuditFilter filter) {
        return query(filter, "select count(e)", "", Long.class).getSingleResult();
    }

    /** Deletes the entries older than the given moment (the history cleanup's retention); returns how many. */
    public int deleteBefore(Instant cutoff) {
        return em.createQuery("delete from AuditEntry e where e.time < :cutoff").setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private <T> TypedQuery<T> query(AuditFilter filter, String select, String order, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        add(conditions, parameters, "e.actor = :actor", "actor", filter.actor());
        add(conditions, parameters, "e.action = :action", "action", filter.action());
        add(conditions, parameters, "e.automationClass = :cls", "cls", filter.automationClass());
        add(conditions, parameters, "e.time >= :from", "from", filter.from());
        add(conditions, parameters, "e.time < :to", "to", filter.to());
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<T> query = em.createQuery(select + " from AuditEntry e" + where + order, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
