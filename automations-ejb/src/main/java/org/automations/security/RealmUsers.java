package org.automations.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * Users and their roles as WildFly's Elytron security domain of this deployment sees them. We keep no
 * user tables.
 *
 * <p>The caller's roles are the container's own (the realm's groups decoded by the domain). For
 * another user, Elytron computes roles only inside an authentication attempt, and an attempt that is
 * not completed counts as a failed login: ten of them lock the user out (WildFly's brute-force
 * protection). So another user's roles are read from their realm identity's attribute
 * {@code automations.security.roles-attribute} (default {@code groups}, the attribute the demo
 * domain's role decoder reads), without any authentication.
 */
@ApplicationScoped
public class RealmUsers {

    @Inject
    @ConfigProperty(name = "automations.security.roles-attribute", defaultValue = "groups")
    String rolesAttribute;

    /** The caller of the current request or EJB call; {@link TaskUser#ANONYMOUS} when not logged in. */
    public TaskUser caller() {
        SecurityIdentity identity = domain().getCurrentSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return TaskUser.ANONYMOUS;
        }
        Set<String> roles = new LinkedHashSet<>();
        identity.getRoles().forEach(roles::add);
        return new TaskUser(identity.getPrincipal().getName(), roles);
    }

    /** The user with that name and their roles in the realm; a name the realm does not know has none. */
    public TaskUser byName(String name) {
        RealmIdentity identity = null;
        try {
            identity = domain().getIdentity(name);
            if (!identity.exists()) {
                return new TaskUser(name, Set.of());
            }
            return new TaskUser(name, Set.copyOf(identity.getAuthorizationIdentity().getAttributes().get(rolesAttribute)));
        } catch (RealmUnavailableException e) {
            throw new IllegalStateException("The security realm cannot look up user '" + name + "': " + e, e);
        } finally {
            if (identity != null) {
                identity.dispose(); // releases the realm's lock on the identity
            }
        }
    }

    private static SecurityDomain domain() {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            throw new IllegalStateException("No Elytron security domain is associated with this deployment;"
                    + " set one in jboss-app.xml (see the getting-started guide)");
        }
        return domain;
    }
}
