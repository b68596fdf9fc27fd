package org.automations.it;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;

import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment helper of the Arquillian tests: the EAR this build packaged, with the test
 * classes added to its WAR, so every test runs against the real application.
 */
public final class Deployments {

    /**
     * Where the application answers (context root of automations-web). The test JVM knows the port
     * offset as it.port.offset, in-container tests as the server's own jboss.socket.binding.port-offset.
     */
    public static final URI BASE_URI = URI.create("http://localhost:" + (8080 + Integer.getInteger("it.port.offset",
            Integer.getInteger("jboss.socket.binding.port-offset", 0))) + "/automations/");

    /** Packaged by the ear plugin before failsafe runs (tests run in the module's directory). */
    private static final File EAR = new File("target/automations.ear");
    private static final String WAR = "automations-web.war";

    private Deployments() {
    }

    /**
     * The packaged EAR with {@code testClasses} (pass the test class itself and whatever it needs)
     * added to the WAR, which is marked as the archive that runs in-container tests. Awaitility is
     * added as a library so in-container tests can wait for timers and batch jobs.
     */
    public static EnterpriseArchive ear(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, EAR);
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(Deployments.class, HttpSessions.class, FacesForms.class);
        war.addClasses(testClasses);
        war.addAsLibraries(jarOf(Awaitility.class), jarOf(Matcher.class));
        Testable.archiveToTest(war);
        return ear;
    }

    /**
     * Adds the jars on the test class path that hold {@code types} to the WAR of {@code ear} (a library
     * a test runs inside the server, such as an SMTP server).
     */
    public static EnterpriseArchive withLibraries(EnterpriseArchive ear, Class<?>... types) {
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        for (Class<?> type : types) {
            war.addAsLibraries(jarOf(type));
        }
        return ear;
    }

    /**
     * Adds a compiled class to the WAR of {@code ear} under its name: a second version of a class
     * the test class path has in its first (see RedeployMigrationIT).
     */
    public static EnterpriseArchive withClassFile(EnterpriseArchive ear, String className, byte[] classFile) {
        ear.getAsType(WebArchive.class, WAR).add(new ByteArrayAsset(classFile),
                "WEB-INF/classes/" + className.replace('.', '/') + ".class");
        return ear;
    }

    /** The jar on the test class path that holds {@code type}. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
