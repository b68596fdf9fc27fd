package org.automations.security;

import java.util.Set;

/**
 * A person as far as human tasks care: the realm's user name and the roles the container gives them
 * (groups and permissions are both roles). {@code name} is null for an anonymous caller, who may
 * process nothing.
 */
public record TaskUser(String name, Set<String> roles) {

    /** The role that may see and process every task. */
    public static final String SUPERUSER = "superuser";

    /** Both change roles make an administrator of automations and tasks (release or reassign any task). */
    public static final String CHANGE_AUTOMATION = "automations.change_automationmodel";
    public static final String CHANGE_TASK = "automations.change_automationtaskmodel";

    public static final TaskUser ANONYMOUS = new TaskUser(null, Set.of());

    public TaskUser {
        roles = Set.copyOf(roles);
    }

    public boolean isSuperuser() {
        return roles.contains(SUPERUSER);
    }

    /** May release or reassign any task (both change roles, as on the administration pages). */
    public boolean isAdministrator() {
        return roles.contains(CHANGE_AUTOMATION) && roles.contains(CHANGE_TASK);
    }

    public boolean isAnonymous() {
        return name == null;
    }
}
