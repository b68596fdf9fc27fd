package org.automations.it.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.automations.Automations;
import org.automations.engine.EngineSettings;
import org.automations.engine.SchemaMigration;
import org.automations.engine.Tick;
import org.automations.engine.Workers;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.it.Deployments;
import org.automations.it.ops.Management.Health;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness and liveness on the management interface (/health/ready, /health/live), as a probe sees them. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final String DATABASE = "automations-database";
    private static final String TICK = "automations-tick";
    private static final String WORKERS = "automations-workers";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(HealthIT.class, Management.class);
    }

    @Inject
    Tick tick;

    @Inject
    SchemaMigration migration;

    @Inject
    Workers workers;

    @Inject
    EngineSettings settings;

    @Inject
    Automations automations;

    @Resource
    ManagedExecutorService threads;

    /** One step whose code outlives its one-second limit by far. */
    public static class Hanging extends Automation {
        Execute call = new Execute(this::call).timeout(Duration.ofSeconds(1));
        End end = new End();

        void call(AutomationTaskModel task) throws InterruptedException {
            Thread.sleep(6_000);
        }
    }

    @Test
    void readinessIsUpWithTheDatabaseAndTheTickCheckedByName() {
        Health ready = Management.health("health/ready");

        assertEquals(200, ready.httpStatus(), ready.toString());
        assertEquals("UP", ready.status(), ready.toString());
        assertEquals("UP", ready.checkStatus(DATABASE), ready.toString());
        assertEquals(migration.version(), ready.data(DATABASE, "schemaVersion"), "the database's schema version");
        assertEquals(migration.version(), ready.data(DATABASE, "expectedSchemaVersion"));
        assertTrue(ready.data(DATABASE, "database").matches("(?i)h2|postgresql"), ready.toString());
        assertEquals("UP", ready.checkStatus(TICK), ready.toString());
        assertEquals("disabled", ready.data(TICK, "tick"), "the test server runs with automations.tick.enabled=false");
    }

    @Test
    void readinessGoesDownThreeIntervalsAfterTheTickStopsAndUpWhenItTicksAgain() {
        tick.start(Duration.ofSeconds(1));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                String last = Management.health("health/ready").data(TICK, "lastTick");
                return last != null && !last.startsWith("none yet");
            });
            Health ticking = Management.health("health/ready");
            assertEquals("UP", ticking.checkStatus(TICK), ticking.toString());
            assertEquals("running", ticking.data(TICK, "tick"));
            assertEquals("PT1S", ticking.data(TICK, "interval"));

            tick.stop();
            Health justStopped = Management.health("health/ready");
            assertEquals("UP", justStopped.checkStatus(TICK), "less than three intervals since the last tick: "
                    + justStopped);

            long stopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Management.health("health/ready").httpStatus() == 503);
            Duration untilDown = Duration.ofNanos(System.nanoTime() - stopped);
            Health down = Management.health("health/ready");
            assertEquals("DOWN", down.status(), down.toString());
            assertEquals("DOWN", down.checkStatus(TICK), down.toString());
            assertEquals("stopped", down.data(TICK, "tick"));
            assertEquals("UP", down.checkStatus(DATABASE), "only the tick is the matter: " + down);
            assertTrue(untilDown.toMillis() >= 1_000, "not down before three intervals had passed: " + untilDown);
            System.out.println("Readiness DOWN " + untilDown.toMillis() + " ms after the tick (1 s) stopped");

            tick.start(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> Management.health("health/ready").httpStatus() == 200);
        } finally {
            tick.switchOff();
        }
        assertEquals("disabled", Management.health("health/ready").data(TICK, "tick"));
    }

    @Test
    void livenessReportsTheWorkersAndIsUpWhileAWorkerIsFree() {
        Health live = Management.health("health/live");

        assertEquals(200, live.httpStatus(), live.toString());
        assertEquals("UP", live.checkStatus(WORKERS), live.toString());
        assertEquals(String.valueOf(workers.size()), live.data(WORKERS, "workers"));
        assertEquals("0", live.data(WORKERS, "stepsPastLimit"));
    }

    @Test
    void livenessIsDownWhileEveryWorkerIsHeldByAStepPastItsLimit() throws Exception {
        workers.resize(1);
        try {
            long id = automations.create(Hanging.class, Map.of(), false).getId();
            Future<Integer> run = threads.submit(() -> automations.run());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Management.health("health/live").httpStatus() == 503);
            Health stuck = Management.health("health/live");
            assertEquals("DOWN", stuck.checkStatus(WORKERS), stuck.toString());
            assertEquals("1", stuck.data(WORKERS, "busy"));
            assertEquals("1", stuck.data(WORKERS, "stepsPastLimit"));

            run.get(30, TimeUnit.SECONDS); // the step's code returns after six seconds
            Health back = Management.health("health/live");
            assertEquals("UP", back.checkStatus(WORKERS), "the worker came back: " + back + " (automation " + id + ")");
        } finally {
            workers.resize(settings.workers());
        }
    }

    /**
     * PostgreSQL only (H2 runs inside the server: nothing can take it away and bring it back). The
     * database refuses connections and its sessions are ended, as when the server goes down; then it
     * takes connections again, and the pool recovers without a restart of WildFly.
     */
    @Test
    @RunAsClient
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpOnceItIsBack() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("automations.it.db")), "needs -Ppostgresql");
        String url = System.getProperty("automations.it.db.url");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        assertEquals(200, Management.health("health/ready").httpStatus());
        try {
            refuseConnections(url, database, true);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Management.health("health/ready").httpStatus() == 503);
            Health down = Management.health("health/ready");
            assertEquals("DOWN", down.checkStatus(DATABASE), down.toString());
            assertEquals("unreachable", down.data(DATABASE, "database"), down.toString());
            assertTrue(down.took().toSeconds() < 8, "readiness answers without hanging: " + down.took());
            System.out.println("Readiness DOWN answered in " + down.took().toMillis() + " ms: " + down);
        } finally {
            refuseConnections(url, database, false);
        }
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Management.health("health/ready").httpStatus() == 200);
        assertEquals("UP", Management.health("health/ready").checkStatus(DATABASE));
        System.out.println("Readiness UP " + (System.nanoTime() - back) / 1_000_000 + " ms after PostgreSQL took connections again");
    }

    /** As user postgres, from the maintenance database: allows or refuses connections, and ends the open ones. */
    private static void refuseConnections(String url, String database, boolean refuse) throws SQLException {
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("alter database \"" + database + "\" allow_connections " + !refuse);
            if (refuse) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }
}
