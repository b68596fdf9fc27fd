package org.automations.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;

/**
 * Automations found by class, status, waiting node and creation time, newest first, one page at a
 * time in the database (the REST API's {@code GET /instances}). The web module checks the roles.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AutomationSearch {

    /** Each part null for "any". {@code waitingAt}: has an open task at that node. */
    public record Filter(String className, AutomationStatus status, String waitingAt, Instant createdSince) {
    }

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    public List<AutomationModel> page(Filter filter, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<AutomationModel> query = em.createQuery("select a from AutomationModel a" + where(filter, parameters)
                + " order by a.id desc", AutomationModel.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(a) from AutomationModel a" + where(filter, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.className() != null) {
            conditions.add("a.automationClass = :cls");
            parameters.put("cls", filter.className());
        }
        if (filter.status() != null) {
            conditions.add("a.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.createdSince() != null) {
            conditions.add("a.created >= :since");
            parameters.put("since", filter.createdSince());
        }
        if (filter.waitingAt() != null) {
            conditions.add("exists (select t.id from AutomationTaskModel t where t.automation = a"
                    + " and t.finished is null and t.status = :node)");
            parameters.put("node", filter.waitingAt());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
