package org.automations.security;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.automations.model.AutomationTaskModel;

/**
 * Decides who may see and process a human task (the seed's swappable
 * {@code get_users_with_permission} methods). The default, {@link RoleTaskAccess}, uses the
 * container's roles. A project that organises users differently replaces it with a CDI bean
 * {@code @Alternative @Priority(...)} implementing this interface, placed where the engine can see it
 * (an EJB jar or a library jar of the EAR, not a WAR).
 *
 * <p>Both {@code mayProcess} methods state the same rule: one for a single task, one as a Criteria
 * restriction so that the task list is filtered and paged in the database. {@link #whoMayProcess} turns
 * the rule around (who is told about a task); its default asks the first method of every user.
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

    /**
     * The people a notification about the task goes to (issue 14): the names of those among
     * {@code users} (every user of the realm, see {@link RealmUsers#all()}) whom the rule lets process
     * it: the user named on the task, the members of its group, the holders of its permissions. A
     * superuser may process every task but is told only about tasks the rule gives to nobody else (a
     * task for superusers only, a group without members). A claimed task concerns its claimer alone.
     *
     * <p>The default asks {@link #mayProcess(TaskUser, AutomationTaskModel)} of each user, so a replaced
     * rule is followed without more code. Override it when the realm cannot list its users (an LDAP
     * directory too large to list, users outside the realm): return the names from where they are kept.
     */
    default Set<String> whoMayProcess(AutomationTaskModel task, Collection<TaskUser> users) {
        Set<String> names = new LinkedHashSet<>();
        if (task.getClaimedBy() != null) {
            names.add(task.getClaimedBy());
            return names;
        }
        for (TaskUser user : users) {
            Set<String> roles = new LinkedHashSet<>(user.roles());
            roles.remove(TaskUser.SUPERUSER);
            if (mayProcess(new TaskUser(user.name(), roles), task)) {
                names.add(user.name());
            }
        }
        if (names.isEmpty()) {
            for (TaskUser user : users) {
                if (user.isSuperuser() && mayProcess(user, task)) {
                    names.add(user.name());
                }
            }
        }
        return names;
    }
}
