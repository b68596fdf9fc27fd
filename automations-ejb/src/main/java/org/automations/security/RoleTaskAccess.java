package org.automations.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.List;
import java.util.Set;
import org.automations.model.AutomationTaskModel;

/**
 * The default rule (manual 5.3.9): a task's user, group and permissions must all hold, a group or a
 * permission being a role of the user; a task with none of them is for superusers only; the role
 * {@code superuser} may process every task.
 */
@ApplicationScoped
public class RoleTaskAccess implements TaskAccess {

    @Override
    public boolean mayProcess(TaskUser user, AutomationTaskModel task) {
        if (user.isSuperuser()) {
            return true;
        }
        String assignee = task.getInteractionUser();
        String group = task.getInteractionGroup();
        List<String> permissions = task.getInteractionPermissions();
        if (assignee == null && group == null && permissions.isEmpty()) {
            return false; // assigned to nobody: superusers only
        }
        return (assignee == null || assignee.equals(user.name()))
                && (group == null || user.roles().contains(group))
                && user.roles().containsAll(permissions);
    }

    @Override
    public Predicate mayProcess(TaskUser user, CriteriaBuilder cb, AbstractQuery<?> query,
            Root<AutomationTaskModel> task) {
        if (user.isSuperuser()) {
            return cb.conjunction();
        }
        Set<String> roles = user.roles();
        Path<String> assignee = task.get("interactionUser");
        Path<String> group = task.get("interactionGroup");

        // A required permission the user does not hold. An empty IN list is not portable SQL:
        // without roles every required permission is missing.
        Subquery<String> missingPermission = query.subquery(String.class);
        Join<AutomationTaskModel, String> required = missingPermission.correlate(task).join("requiredPermissions");
        missingPermission.select(required);
        if (!roles.isEmpty()) {
            missingPermission.where(cb.not(required.in(roles)));
        }

        // Permissions or not: the JSON list says so without a subquery (one inside an OR makes
        // PostgreSQL misjudge the cost and compile the count query for half a second).
        Path<String> permissionsJson = task.get("interactionPermissionsJson");
        Predicate anyPermission = cb.and(permissionsJson.isNotNull(), cb.notEqual(permissionsJson, "[]"));
        Predicate assignedToSomebody = cb.or(assignee.isNotNull(), group.isNotNull(), anyPermission);
        Predicate userHolds = user.name() == null ? assignee.isNull()
                : cb.or(assignee.isNull(), cb.equal(assignee, user.name()));
        Predicate groupHolds = roles.isEmpty() ? group.isNull() : cb.or(group.isNull(), group.in(roles));
        return cb.and(assignedToSomebody, userHolds, groupHolds, cb.not(cb.exists(missingPermission)));
    }
}
