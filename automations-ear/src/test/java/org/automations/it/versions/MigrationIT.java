package org.automations.it.versions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.automations.Automations;
import org.automations.MigrationPlan;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditEntry;
import org.automations.audit.AuditFilter;
import org.automations.audit.AuditLog;
import org.automations.model.AutomationStatus;
import org.automations.it.Deployments;
import org.automations.versions.InstanceGroup;
import org.automations.versions.MigrationDryRun;
import org.automations.versions.MigrationExecution;
import org.automations.versions.PlannedMove;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migration of running automations (issue 15 part 2): the overview by version and node, the dry run
 * (what each instance would do, and the plans it refuses), and the instance-migration job moving
 * 5 000 automations from a removed node while the tick runs, stopped and restarted midway: every
 * automation moved once, continues from the new node once, and finishes; the run is in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
class MigrationIT {

    private static final String OLD_VERSION = OldVersionRows.OLD_VERSION;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(MigrationIT.class, Migratable.class, OldVersionRows.class);
    }

    @Inject
    Automations automations;

    @Inject
    AuditLog audit;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Resource
    ManagedExecutorService threads;

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Test
    void theOverviewGroupsRunningAutomationsByVersionAndNode() throws Exception {
        long first = insertWaitingAt(10_000_000, 3, "oldReview");
        long current = automations.create(Migratable.class, Map.of()).getId();
        String version = automations.getDefinitionVersion(Migratable.class.getName()).orElseThrow();

        List<InstanceGroup> groups = automations.getInstanceGroups(Migratable.class.getName());

        assertTrue(groups.contains(new InstanceGroup(OLD_VERSION, false, "oldReview", false, 3)), groups.toString());
        assertTrue(groups.stream().anyMatch(g -> g.version().equals(version) && g.current() && g.node().equals("intake")
                && g.declared() && g.count() >= 1), groups.toString());
        deleteRange(first, 3);
        deleteRange(current, 1);
    }

    @Test
    void theDryRunSaysWhatEachAutomationWouldDoAndRefusesPlansThatStrandOne() throws Exception {
        long atOld = insertWaitingAt(11_000_000, 2, "oldReview");
        long atGone = insertWaitingAt(11_100_000, 1, "gone");
        long twoPaths = insertWaitingAt(11_200_000, 1, "oldLeft", "oldRight");
        long staying = automations.create(Migratable.class, Map.of()).getId();
        String className = Migratable.class.getName();
        try {
            // oldReview -> review only: the automation at 'gone' would stay at a node that no longer exists.
            MigrationPlan partial = MigrationPlan.of(className).move("oldReview", "review")
                    .move("oldLeft", "end").move("oldRight", "end");
            MigrationDryRun dryRun = automations.dryRunMigration(partial);
            assertFalse(dryRun.executable());
            assertEquals(List.of(), dryRun.planRefusals());
            PlannedMove gone = move(dryRun, atGone);
            assertEquals(List.of("gone"), gone.waitingAt());
            assertTrue(gone.refusal().contains("'gone', which " + className + " no longer declares"), gone.refusal());
            assertEquals("review", move(dryRun, atOld).to());
            assertEquals(OLD_VERSION, move(dryRun, atOld).version());
            assertEquals("end", move(dryRun, twoPaths).to(), "both paths to one node after the Split");
            assertEquals(List.of("intake"), move(dryRun, staying).waitingAt());
            assertFalse(move(dryRun, staying).moves() || move(dryRun, staying).refused(), "a node the class has: it stays");
            assertTrue(dryRun.reasons().contains("Automation " + atGone + " of " + className + ": " + gone.refusal()),
                    dryRun.reasons().toString());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> automations.startMigration(partial));
            assertTrue(refused.getMessage().contains("Automation " + atGone), refused.getMessage());

            MigrationDryRun complete = automations.dryRunMigration(partial.move("gone", "end"));
            assertTrue(complete.executable(), complete.reasons().toString());
            assertEquals(4, complete.moving().size());
            assertTrue(complete.staying() >= 1);

            // A target the class lacks refuses the whole plan; one inside a Split, the automations not on its paths.
            MigrationDryRun nowhere = automations.dryRunMigration(MigrationPlan.of(className).move("oldReview", "nowhere"));
            assertTrue(nowhere.planRefusals().get(0).contains("declares no node 'nowhere'"), nowhere.planRefusals().toString());
            MigrationDryRun onPath = automations.dryRunMigration(MigrationPlan.of(className).move("oldReview", "left")
                    .move("gone", "end").move("oldLeft", "join").move("oldRight", "join"));
            assertFalse(onPath.executable());
            assertEquals(List.of(), onPath.planRefusals(), "a target on a path is refused per automation");
            assertTrue(move(onPath, atOld).refusal().contains("inside Split 'parallel', but does not run on that Split's paths"),
                    move(onPath, atOld).refusal());
            assertTrue(move(onPath, twoPaths).refusal().contains("would continue at 'join', inside Split 'parallel'"),
                    "its paths did not come from the Split, so the Join would wait for the others: "
                    + move(onPath, twoPaths).refusal());
            // Two parallel paths sent to different nodes: the automation is refused.
            MigrationDryRun apart = automations.dryRunMigration(MigrationPlan.of(className).move("oldLeft", "review")
                    .move("oldRight", "end"));
            assertTrue(move(apart, twoPaths).refusal().contains("which the plan sends to different nodes"),
                    move(apart, twoPaths).refusal());
            MigrationDryRun undeployed = automations.dryRunMigration(MigrationPlan.of("org.example.Gone").move("a", "b"));
            assertTrue(undeployed.planRefusals().get(0).contains("No automation class org.example.Gone is deployed"));

            assertEquals(2, count("select count(*) from atm_task where finished is null and status = 'oldReview'"
                    + " and automation_id >= " + atOld + " and automation_id < " + (atOld + 2)), "a dry run changes nothing");
        } finally {
            deleteRange(atOld, 2);
            deleteRange(atGone, 1);
            deleteRange(twoPaths, 1);
            deleteRange(staying, 1);
        }
    }

    /** A node renamed on a Split's path: only that path moves, the other one goes on, the Join counts both. */
    @Test
    void aTaskOnASplitPathMovesAloneAndTheJoinStillCountsItsPath() throws Exception {
        long id = automations.create(Migratable.class, Map.of(), true, "parallel").getId();
        assertEquals(List.of("left", "join"), automations.getWaitingAt(id), "left waits an hour, right reached the Join");
        renameOpenTask(id, "left", "oldLeft"); // what an older version's name leaves behind
        String className = Migratable.class.getName();
        MigrationPlan plan = MigrationPlan.of(className).move("oldLeft", "left");

        PlannedMove planned = move(automations.dryRunMigration(plan), id);
        assertEquals("left", planned.to(), String.valueOf(planned.refusal()));
        long run = automations.startMigration(plan);
        assertEquals(BatchStatus.COMPLETED, awaitEnd(run).status());

        assertEquals(List.of("join", "left"), automations.getWaitingAt(id), "the Join's task stays; left waits anew");
        automations.run(Instant.now().plus(Duration.ofHours(2)));
        assertEquals(AutomationStatus.FINISHED, automations.getModel(id).orElseThrow().getStatus(),
                "the Join counted the moved path");
        assertEquals(1, count("select count(*) from atm_task where automation_id = " + id
                + " and message like 'Migrated to left by %'"));
    }

    /**
     * A row held by a step (here by this test's transaction) does not hold up the job: the others move
     * meanwhile, and the held one moves once it is free. Waiting for it inside the chunk instead could
     * deadlock with a step that holds it and waits for a row the chunk has moved.
     */
    @Test
    void aRowHeldByAStepIsSkippedAndMovedOnceFree() throws Exception {
        long first = insertWaitingAt(14_000_000, 200, "oldReview");
        try {
            MigrationPlan plan = MigrationPlan.of(Migratable.class.getName()).move("oldReview", "review");
            transaction.begin();
            em.createNativeQuery("select id from atm_automation where id = ?1 for update").setParameter(1, first).getResultList();
            long run;
            try {
                run = automations.startMigration(plan, 50);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> automations.getMigration(run).orElseThrow().progress().moved() == 199);
                assertTrue(automations.getMigration(run).orElseThrow().isRunning(), "it waits to try the held one again");
            } finally {
                transaction.commit();
            }
            MigrationExecution done = awaitEnd(run);
            assertEquals(BatchStatus.COMPLETED, done.status());
            assertEquals(200, done.progress().moved(), done.progress().toString());
            assertEquals(1, count("select count(*) from atm_task where automation_id = " + first
                    + " and message like 'Migrated to review by %'"));
        } finally {
            deleteRange(first, 200);
        }
    }

    @Test
    void theJobMovesFiveThousandAutomationsOnceWhileTheTickRunsAndSurvivesAStop() throws Exception {
        int total = 5_000;
        long first = insertWaitingAt(12_000_000, total, "oldReview");
        try {
            migrateFiveThousand(first, total);
        } finally {
            deleteRange(first, total);
        }
    }

    private void migrateFiveThousand(long first, int total) throws Exception {
        String className = Migratable.class.getName();
        MigrationPlan plan = MigrationPlan.of(className).move("oldReview", "review").set("migrated", true);
        assertTrue(automations.dryRunMigration(plan).executable());

        AtomicBoolean ticking = new AtomicBoolean(true);
        AtomicInteger ticks = new AtomicInteger();
        long firstRun;
        long secondRun;
        Future<?> tick = threads.submit(() -> {
            while (ticking.get()) {
                automations.run();
                ticks.incrementAndGet();
            }
            return null;
        });
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            firstRun = automations.startMigration(plan, 50);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> automations.getMigration(firstRun).orElseThrow().progress().moved() >= 500);
            operator.stop(firstRun);
            MigrationExecution stopped = awaitEnd(firstRun);
            assertEquals(BatchStatus.STOPPED, stopped.status());
            assertEquals(total, stopped.progress().total());
            assertTrue(stopped.progress().moved() < total, "stopped midway: " + stopped.progress());

            secondRun = operator.restart(firstRun, null);
            MigrationExecution done = awaitEnd(secondRun);
            assertEquals(BatchStatus.COMPLETED, done.status());
            assertEquals(total, done.progress().moved(), "the counts of both executions: " + done.progress());
            assertEquals(plan, done.plan(), "the restart kept the plan");
            assertEquals(100, done.progress().percentDone());

            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count("select count(*) from atm_automation where finished = false and id >= " + first
                            + " and id < " + (first + total)) == 0);
        } finally {
            ticking.set(false);
            tick.get();
        }
        String range = " between " + first + " and " + (first + total - 1);
        assertEquals(total, count("select count(*) from atm_task where message like 'Migrated to review by %'"
                + " and status = 'oldReview' and automation_id" + range), "every automation moved once");
        assertEquals(total, count("select count(*) from atm_task where status = 'review' and automation_id" + range),
                "and ran at the new node once");
        assertEquals(0, count("select count(*) from (select automation_id from atm_task where status = 'review'"
                + " and automation_id" + range + " group by automation_id having count(*) > 1) twice"));
        assertEquals(total, count("select count(*) from atm_automation where status = 'FINISHED' and id" + range));
        assertEquals(Boolean.TRUE, automations.getModel(first).orElseThrow().getData().get("migrated"));
        assertEquals(1, automations.getModel(first).orElseThrow().getData().getInt("reviews"));
        assertTrue(ticks.get() > 1, "the tick ran meanwhile");

        List<AuditEntry> runs = audit.find(new AuditFilter(null, AuditAction.MIGRATION, className, null, null), 0, 50).stream()
                .filter(e -> e.getDetail().startsWith("run " + firstRun + ":") || e.getDetail().startsWith("run " + secondRun + ":"))
                .toList();
        assertEquals(2, runs.size(), "one entry per execution: " + runs);
        assertTrue(runs.stream().anyMatch(e -> e.getDetail().contains("MIGRATED moved=" + total + " left=0 of=" + total)
                && e.getDetail().contains("plan oldReview -> review; data set: migrated")), runs.toString());
    }

    private static PlannedMove move(MigrationDryRun dryRun, long automationId) {
        return dryRun.instances().stream().filter(i -> i.automationId() == automationId).findFirst().orElseThrow();
    }

    private MigrationExecution awaitEnd(long executionId) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(100))
                .until(() -> !automations.getMigration(executionId).orElseThrow().isRunning());
        return automations.getMigration(executionId).orElseThrow();
    }


    private void renameOpenTask(long automationId, String from, String to) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update atm_task set status = '" + to + "' where automation_id = " + automationId
                    + " and status = '" + from + "' and finished is null");
        }
    }

    private long insertWaitingAt(long firstId, int count, String... nodes) throws SQLException {
        return OldVersionRows.insert(dataSource, firstId, count, nodes);
    }

    private void deleteRange(long first, int count) throws SQLException {
        OldVersionRows.delete(dataSource, first, count);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
