package org.automations.it.versions.redeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.automations.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A changed automation class deployed over running automations (issue 15): the EAR with the first
 * version of {@link Evolving} starts five automations that wait at {@code oldReview}; the EAR built
 * with the second version (compiled here from src/test/resources/redeploy, the same class name)
 * replaces it; the REST API shows them at a node the class no longer declares on the old version,
 * the dry run moves all five, the migration job moves them, and the tick runs them from the new
 * node on the new version to the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployMigrationIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "v1", managed = false, testable = false)
    static EnterpriseArchive firstVersion() {
        return Deployments.ear(EvolvingServlet.class, Evolving.class);
    }

    @Deployment(name = "v2", managed = false, testable = false)
    static EnterpriseArchive secondVersion() throws IOException {
        EnterpriseArchive ear = Deployments.withClassFile(Deployments.ear(EvolvingServlet.class), Evolving.class.getName(),
                compile(Evolving.class.getName(), "/redeploy/Evolving-v2.java.txt"));
        // Arquillian wants a name of its own per archive; the context root stays /automations.
        return ShrinkWrap.create(EnterpriseArchive.class, "automations-v2.ear").merge(ear);
    }

    @Test
    void automationsOfTheFirstVersionAreMigratedAfterTheSecondIsDeployed() throws Exception {
        String className = Evolving.class.getName();
        deployer.deploy("v1");
        List<String> ids;
        String firstVersion;
        try {
            ids = List.of(send("POST", "it/evolving?create=5", null).split(","));
            firstVersion = send("GET", "it/evolving?version", null);
            assertTrue(send("GET", "it/evolving?id=" + ids.get(0), null).startsWith("RUNNING null " + firstVersion));
            // The test server cleans the schema at each deployment (automations.schema.clean); a
            // redeployment in production keeps it, and so must the next one (the server's JVM only).
            send("POST", "it/evolving?schemaClean=false", "");
        } finally {
            deployer.undeploy("v1");
        }
        deployer.deploy("v2");
        try {
            send("POST", "it/evolving?schemaClean=true", "");
            String secondVersion = send("GET", "it/evolving?version", null);
            assertNotEquals(firstVersion, secondVersion, "a changed declaration is a new version");

            String groups = send("GET", "api/migrations/groups?className=" + className, null);
            assertTrue(groups.contains("\"version\":\"" + firstVersion + "\"") && groups.contains("\"node\":\"oldReview\"")
                    && groups.contains("\"declared\":false") && groups.contains("\"count\":5,"), groups);

            String plan = "{\"className\":\"" + className + "\",\"moves\":{\"oldReview\":\"review\"}}";
            String dryRun = send("POST", "api/migrations/dry-run", plan);
            assertTrue(dryRun.contains("\"executable\":true") && dryRun.contains("\"moving\":5"), dryRun);

            HttpResponse<String> started = request("POST", "api/migrations", plan);
            assertEquals(202, started.statusCode(), started.body());
            String run = started.headers().firstValue("Location").orElseThrow();
            String state = awaitEnd(URI.create(run));
            assertTrue(state.contains("\"status\":\"COMPLETED\"") && state.contains("\"moved\":5"), state);

            send("POST", "it/evolving?tick", "");
            for (String id : ids) {
                assertEquals("FINISHED review " + secondVersion, send("GET", "it/evolving?id=" + id, null),
                        "automation " + id + " ran from the new node on the new version");
            }
            String history = send("GET", "api/instances/" + ids.get(0) + "/history", null);
            assertTrue(history.contains("Migrated to review by admin (migration run "), history);
        } finally {
            deployer.undeploy("v2");
        }
    }

    private static String awaitEnd(URI run) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String state = send("GET", run.toString(), null);
        while (state.contains("\"running\":true") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = send("GET", run.toString(), null);
        }
        return state;
    }

    private static String send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = request(method, path, body);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> request(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(BASE.resolve(path)).header("Authorization", ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Compiles the second version's source (a test resource) against the test class path. */
    private static byte[] compile(String className, String resource) throws IOException {
        Path dir = Files.createTempDirectory("evolving-v2");
        Path source = dir.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        try (InputStream in = RedeployMigrationIT.class.getResourceAsStream(resource)) {
            Files.write(source, in.readAllBytes());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", dir.toString(), "-classpath", System.getProperty("java.class.path"),
                "--release", "17", source.toString());
        if (status != 0) {
            throw new IllegalStateException("The second version of " + className + " does not compile (" + resource + ")");
        }
        return Files.readAllBytes(dir.resolve(className.replace('.', '/') + ".class"));
    }
}
