package org.automations.it.tasks;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Map;
import java.util.Set;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskAccess;
import org.automations.security.TaskUser;

/**
 * A project that organises people differently: its departments (here a fixed map) decide who works on
 * a group's tasks, not the realm's roles. Replaces the default rule for the whole application; it is
 * deployed in the engine's EJB jar so that the engine sees it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class DepartmentAccess implements TaskAccess {

    /** Group -> the users of the department that handles it. */
    static final Map<String, Set<String>> DEPARTMENTS = Map.of("Moderators", Set.of("mary"));

    @Override
    public boolean mayProcess(TaskUser user, AutomationTaskModel task) {
        return user.isSuperuser() || task.getInteractionGroup() != null
                && DEPARTMENTS.getOrDefault(task.getInteractionGroup(), Set.of()).contains(user.name());
    }

    @Override
    public Predicate mayProcess(TaskUser user, CriteriaBuilder cb, AbstractQuery<?> query,
            Root<AutomationTaskModel> task) {
        if (user.isSuperuser()) {
            return cb.conjunction();
        }
        Set<String> groups = DEPARTMENTS.entrySet().stream().filter(e -> e.getValue().contains(user.name()))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        return groups.isEmpty() ? cb.disjunction() : task.get("interactionGroup").in(groups);
    }
}
