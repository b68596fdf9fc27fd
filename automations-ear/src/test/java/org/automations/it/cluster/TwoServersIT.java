package org.automations.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.automations.it.Deployments;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The multi-server proof (postgresql profile only): two WildFly servers with the same EAR on one
 * PostgreSQL database, both ticking every second. Every step runs exactly once, both servers share
 * the work, nothing fails; then the same while one server is killed with SIGKILL and restarted.
 */
@EnabledIfSystemProperty(named = "automations.it.db", matches = "postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/";
    /** The build's AutomationsDS URL (-Dautomations.db.url); the servers get a database of their own beside it. */
    private static final String CONFIGURED = System.getProperty("automations.it.db.url", URL + "test");
    /** Named after the build's database, so checkouts testing on databases of their own do not share it. */
    private static final String DATABASE = CONFIGURED.substring(CONFIGURED.lastIndexOf('/') + 1).replaceAll("\\?.*", "")
            + "_cluster";
    private static final int PER_BATCH = 2000;
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private static Path ear;
    private static final Map<String, Process> servers = new LinkedHashMap<>();

    @BeforeAll
    static void startTwoServers() throws Exception {
        try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("create table cluster_step_log (automation_id bigint not null, step varchar(20) not null,"
                    + " server varchar(20) not null)");
        }
        EnterpriseArchive archive = Deployments.ear(ClusterFlow.class, ClusterCreateServlet.class);
        ear = Paths.get("target", "cluster", "automations.ear");
        Files.createDirectories(ear.getParent());
        archive.as(ZipExporter.class).exportTo(ear.toFile(), true);
        start("node1", 400);
        start("node2", 500);
        awaitUp(400);
        awaitUp(500);
    }

    @AfterAll
    static void stopServers() {
        servers.keySet().forEach(TwoServersIT::kill);
    }

    @Test
    @Order(1)
    void twoServersShareTheWorkAndRunEveryStepExactlyOnce() throws Exception {
        create(400, "one", PER_BATCH / 2);
        create(500, "one", PER_BATCH / 2);
        awaitFinished("one", PER_BATCH);

        assertEquals(0, count("select count(*) from atm_automation where status = 'FAILED'"));
        long steps = count(stepsOf("one", "count(*)"));
        long distinct = count(stepsOf("one", "count(distinct (l.automation_id, l.step))"));
        assertEquals(PER_BATCH * 4L, distinct, "every step ran");
        assertEquals(PER_BATCH * 4L, steps, "no step ran twice");
        assertTrue(count(stepsOf("one", "count(*)") + " and l.server = 'node1'") > 0, "node1 did a share");
        assertTrue(count(stepsOf("one", "count(*)") + " and l.server = 'node2'") > 0, "node2 did a share");
    }

    @Test
    @Order(2)
    void aServerKilledMidRunLosesNothingAndRepeatsNoCommittedStep() throws Exception {
        create(400, "two", PER_BATCH / 2);
        create(500, "two", PER_BATCH / 2);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (count(stepsOf("two", "count(*)")) < PER_BATCH && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        kill("node2"); // SIGKILL in the middle of the wave
        start("node2", 500);
        awaitUp(500);
        awaitFinished("two", PER_BATCH);

        assertEquals(0, count("select count(*) from atm_automation where status = 'FAILED'"));
        assertEquals(PER_BATCH * 4L, count(stepsOf("two", "count(distinct (l.automation_id, l.step))")), "no step lost");
        assertEquals(PER_BATCH * 4L, count(stepsOf("two", "count(*)")), "no committed step repeated");
    }

    // ---- servers -------------------------------------------------------------------------------

    private static void start(String name, int offset) throws IOException {
        Path home = Paths.get(System.getProperty("server.home")).toAbsolutePath();
        Path base = Paths.get("target", "cluster", name).toAbsolutePath();
        if (!Files.exists(base.resolve("configuration"))) {
            copy(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Path config = base.resolve("configuration/standalone-full.xml");
            Files.writeString(config, Files.readString(config).replace(CONFIGURED, URL + DATABASE));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(ear, base.resolve("deployments/automations.ear"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "--stability=community", // the Micrometer subsystem's Prometheus registry (configure.cli)
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.node.name=" + name,
                "-Djboss.tx.node.id=" + name,
                "-Dautomations.tick.interval=1",
                "-Dautomations.condition.poll-interval=1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        servers.put(name, builder.start());
    }

    /** SIGKILL to the server's JVM (the start script is only its parent). */
    private static void kill(String name) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Djboss.node.name=" + name)
                        && c.contains("jboss-modules")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        Process script = servers.get(name);
        if (script != null) {
            script.destroyForcibly();
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUp(int offset) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI start = URI.create("http://localhost:" + (8080 + offset) + "/automations/");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(start).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server with port offset " + offset + " did not start; see target/cluster/*/console.log");
    }

    private static void create(int offset, String batch, int count) throws Exception {
        URI uri = URI.create("http://localhost:" + (8080 + offset) + "/automations/it/cluster-create?count=" + count
                + "&batch=" + batch);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static void awaitFinished(String batch, int expected) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String sql = "select count(*) from atm_automation where finished and data like '%\"batch\":\"" + batch + "\"%'";
        while (count(sql) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + count(sql) + " of " + expected + " automations finished");
            }
            Thread.sleep(250);
        }
    }

    // ---- database --------------------------------------------------------------------------------

    private static String stepsOf(String batch, String what) {
        return "select " + what + " from cluster_step_log l join atm_automation a on a.id = l.automation_id"
                + " where a.data like '%\"batch\":\"" + batch + "\"%'";
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(URL + DATABASE, "postgres", "postgres");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
