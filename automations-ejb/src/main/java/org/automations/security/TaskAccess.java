package org.automations.security;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.automations.model.AutomationTaskModel;

/**
 * Decides who may see and process a human task (the seed's swappable
 * {@code get_users_with_permission} methods). The default, {@link RoleTaskAccess}, uses the
 * container's roles. A project that organises users differently replaces it with a CDI bean
 * {@code @Alternative @Priority(...)} implementing this interface, placed where the engine can see it
 * (an EJB jar or a library jar of the EAR, not a WAR).
 *
 * <p>Both methods state the same rule: one for a single task, one as a Criteria restriction so that
 * the task list is filtered and paged in the database.
 */
public interface TaskAccess {

    /** True when the user may see and process the task (open or not; the caller checks openness). */
    boolean mayProcess(TaskUser user, AutomationTaskModel task);

    /**
     * The same rule as a restriction of a query over tasks. The task's JPA attributes include
     * {@code interactionUser}, {@code interactionGroup} and the element collection
     * {@code requiredPermissions}; use {@code query.subquery(...)} for anything else.
     */
    Predicate mayProcess(TaskUser user, CriteriaBuilder cb, AbstractQuery<?> query, Root<AutomationTaskModel> task);
}
