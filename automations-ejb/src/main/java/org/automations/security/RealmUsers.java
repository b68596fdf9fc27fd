package org.automations.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.wildfly.security.authz.Attributes;
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
 *
 * <p>Elytron can look a user up by name but cannot list a domain's users. {@link #all()} lists the
 * identities of a filesystem realm from its directory ({@code automations.security.realm-path}, the
 * demo realm's by default) and reads each one through the domain; notifications use it to find the
 * members of a group. A project whose users live elsewhere replaces {@link TaskAccess#whoMayProcess}.
 */
@ApplicationScoped
public class RealmUsers {

    @Inject
    @ConfigProperty(name = "automations.security.roles-attribute", defaultValue = "groups")
    String rolesAttribute;

    /** The identity attribute holding a user's mail addresses (notifications). */
    @Inject
    @ConfigProperty(name = "automations.security.mail-attribute", defaultValue = "mail")
    String mailAttribute;

    /**
     * The directory of the Elytron filesystem realm whose users {@link #all()} lists; by default the demo
     * realm's, {@code automations-realm} in the server's configuration directory.
     */
    @Inject
    @ConfigProperty(name = "automations.security.realm-path")
    Optional<String> realmPath;

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
        return new TaskUser(name, Set.copyOf(attributes(name).get(rolesAttribute)));
    }

    /** The user's mail addresses (the realm attribute {@code automations.security.mail-attribute}); none for an unknown name. */
    public List<String> mailAddresses(String name) {
        return attributes(name).get(mailAttribute).stream().filter(address -> !address.isBlank()).toList();
    }

    /**
     * Every user of the filesystem realm at {@code automations.security.realm-path}, with their roles.
     * Reads the realm's files, one per user: for the members of a group when a task is announced, on a
     * managed thread outside any step, not for a page.
     */
    public List<TaskUser> all() {
        Path root = realmPath.map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.config.dir", "."), "automations-realm"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("automations.security.realm-path = '" + root
                    + "' is not the directory of a filesystem realm; a realm of another kind cannot list its users:"
                    + " replace TaskAccess.whoMayProcess (see the reference, Notifications)");
        }
        List<TaskUser> users = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = identityName(file.getFileName().toString());
                if (name != null) {
                    users.add(byName(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the users of the realm at " + root, e);
        }
        return users;
    }

    /**
     * The user name a filesystem realm's file stands for: {@code <name>-<BASE32(name)>.xml} (Elytron's
     * encoding, unpadded); the Base32 part is decoded, so names with any characters come back exactly.
     * Null for another file.
     */
    static String identityName(String fileName) {
        int dash = fileName.lastIndexOf('-');
        if (!fileName.endsWith(".xml") || dash < 0) {
            return null;
        }
        String encoded = fileName.substring(dash + 1, fileName.length() - ".xml".length());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] bytes = new byte[encoded.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int length = 0;
        for (char c : encoded.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes[length++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The identity's attributes in the realm; empty for a name the realm does not know. */
    private Attributes attributes(String name) {
        RealmIdentity identity = null;
        try {
            identity = domain().getIdentity(name);
            if (!identity.exists()) {
                return Attributes.EMPTY;
            }
            return identity.getAuthorizationIdentity().getAttributes();
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
