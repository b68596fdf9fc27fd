package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskAccess;
import org.automations.security.TaskUser;

/**
 * The task list: open tasks of running automations that wait for a person and that the user may
 * process ({@link TaskAccess}), newest first. Filtered, counted and paged by the database.
 */
@ApplicationScoped
public class OpenTasks {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    TaskAccess access;

    public long count(TaskUser user) {
        return count(user, null);
    }

    /** The count of one class's open tasks ({@code className} null: of all). */
    public long count(TaskUser user, String className) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AutomationTaskModel> task = query.from(AutomationTaskModel.class);
        Join<AutomationTaskModel, AutomationModel> automation = task.join("automation");
        query.select(cb.count(task)).where(restriction(user, className, cb, query, task, automation));
        return em.createQuery(query).getSingleResult();
    }

    /** One page of the list, newest first; {@code max <= 0} returns every row from {@code first}. */
    public List<AutomationTaskModel> page(TaskUser user, int first, int max) {
        return page(user, null, first, max);
    }

    /** One page of one class's open tasks ({@code className} null: of all). */
    @SuppressWarnings("unchecked")
    public List<AutomationTaskModel> page(TaskUser user, String className, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AutomationTaskModel> query = cb.createQuery(AutomationTaskModel.class);
        Root<AutomationTaskModel> task = query.from(AutomationTaskModel.class);
        // Fetched with the rows: pages show the automation's class after the transaction has ended.
        Join<AutomationTaskModel, AutomationModel> automation =
                (Join<AutomationTaskModel, AutomationModel>) task.<AutomationTaskModel, AutomationModel>fetch("automation");
        query.select(task)
                .where(restriction(user, className, cb, query, task, automation))
                .orderBy(cb.desc(task.get("created")), cb.desc(task.get("id")));
        TypedQuery<AutomationTaskModel> typed = em.createQuery(query).setFirstResult(Math.max(first, 0));
        if (max > 0) {
            typed.setMaxResults(max);
        }
        return typed.getResultList();
    }

    private Predicate restriction(TaskUser user, String className, CriteriaBuilder cb, AbstractQuery<?> query,
            Root<AutomationTaskModel> task, Join<AutomationTaskModel, AutomationModel> automation) {
        Predicate open = cb.and(
                cb.isTrue(task.get("awaitsPerson")), // requires interaction and not finished, indexed
                cb.isFalse(automation.get("finished")),
                access.mayProcess(user, cb, query, task));
        return className == null ? open : cb.and(open, cb.equal(automation.get("automationClass"), className));
    }
}
