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
 * Automations found by class, status, waiting node and creation time, one page at a time in the
 * database (the REST API's {@code GET /instances} and the instances page): a count and a paged
 * select, never every row. The web module checks the roles.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AutomationSearch {

    /**
     * Each part null for "any". {@code waitingAt}: has an open task at that node. {@code createdSince}
     * inclusive, {@code createdBefore} exclusive.
     */
    public record Filter(String className, AutomationStatus status, String waitingAt, Instant createdSince,
            Instant createdBefore) {

        public Filter(String className, AutomationStatus status, String waitingAt, Instant createdSince) {
            this(className, status, waitingAt, createdSince, null);
        }
    }

    /** The columns a page may be sorted by; anything else is not accepted (no JPQL from the URL). */
    public enum SortField {
        ID("a.id"), CLASS("a.automationClass"), STATUS("a.status"), CREATED("a.created"), UPDATED("a.updated");

        private final String path;

        SortField(String path) {
            this.path = path;
        }
    }

    /** A sort order; the id breaks ties so that paging is stable. */
    public record Sort(SortField field, boolean ascending) {

        /** Newest first, the default. */
        public static final Sort NEWEST = new Sort(SortField.ID, false);

        String orderBy() {
            String direction = ascending ? " asc" : " desc";
            return " order by " + field.path + direction + (field == SortField.ID ? "" : ", a.id" + direction);
        }
    }

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    /** Newest first. */
    public List<AutomationModel> page(Filter filter, int first, int max) {
        return page(filter, Sort.NEWEST, first, max);
    }

    public List<AutomationModel> page(Filter filter, Sort sort, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<AutomationModel> query = em.createQuery("select a from AutomationModel a" + where(filter, parameters)
                + (sort == null ? Sort.NEWEST : sort).orderBy(), AutomationModel.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(a) from AutomationModel a" + where(filter, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The automation classes found in the database, for the instances page's class filter. */
    public List<String> classNames() {
        return em.createQuery("select distinct a.automationClass from AutomationModel a order by a.automationClass",
                String.class).getResultList();
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
        if (filter.createdBefore() != null) {
            conditions.add("a.created < :before");
            parameters.put("before", filter.createdBefore());
        }
        if (filter.waitingAt() != null) {
            conditions.add("exists (select t.id from AutomationTaskModel t where t.automation = a"
                    + " and t.finished is null and t.status = :node)");
            parameters.put("node", filter.waitingAt());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
