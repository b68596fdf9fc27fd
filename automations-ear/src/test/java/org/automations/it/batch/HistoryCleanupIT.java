package org.automations.it.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.automations.Automations;
import org.automations.DeleteResult;
import org.automations.batch.CleanupExecution;
import org.automations.batch.CleanupPreview;
import org.automations.batch.HistoryCleanup;
import org.automations.engine.HistoryStore;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.it.Deployments;
import org.automations.model.AutomationStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history-cleanup batch job against the real job repository and database: what it deletes and
 * counts, a stop and restart, the engine (and retries of old failures) running while it deletes a
 * large history, the writer's re-check under the row lock, and deleteHistory beside it.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryCleanupIT {

    private static final Instant OLD = Instant.now().minus(Duration.ofDays(40));
    private static final Instant RECENT = Instant.now().minus(Duration.ofDays(5));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(HistoryCleanupIT.class, HistoryRows.class);
    }

    /** Three steps and done. */
    public static class Quick extends Automation {
        Execute one = new Execute();
        Execute two = new Execute();
        Execute three = new Execute();
        End end = new End();
    }

    @Inject
    Automations automations;

    @Inject
    HistoryCleanup cleanup;

    @Inject
    HistoryStore store;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @BeforeEach
    void emptyTables() throws Exception {
        HistoryRows.deleteAll(dataSource);
    }

    @Test
    void deletesOldFinishedAutomationsWithTheirTasksAndCountsThem() throws Exception {
        HistoryRows rows = new HistoryRows(dataSource, 1_000_000);
        rows.insert(1_180, "FINISHED", OLD, 3);
        rows.insert(40, "FAILED", OLD, 2);
        long recent = rows.insert(50, "FINISHED", RECENT, 2);
        long running = rows.insert(30, "RUNNING", OLD, 1);

        long id = cleanup.start(30, 500, true);
        CleanupExecution done = awaitEnd(id);
        assertEquals(BatchStatus.COMPLETED, done.status());
        assertEquals(1_220, done.automations());
        assertEquals(1_180 * 3 + 40 * 2, done.tasks());
        assertEquals("DELETED automations=1220 tasks=3620", done.exitStatus());
        assertEquals("30", done.days());
        Map<Metric.MetricType, Long> metrics = metrics(id);
        assertEquals(1_220, metrics.get(Metric.MetricType.READ_COUNT));
        assertEquals(1_220, metrics.get(Metric.MetricType.WRITE_COUNT));
        assertTrue(metrics.get(Metric.MetricType.COMMIT_COUNT) >= 3, "chunks of at most 500: " + metrics);

        assertEquals(80, count("select count(*) from atm_automation"));
        assertEquals(50 * 2 + 30, count("select count(*) from atm_task"));
        assertEquals(50, count("select count(*) from atm_automation where id between " + recent + " and " + (recent + 49)));
        assertEquals(30, count("select count(*) from atm_automation where status = 'RUNNING' and id >= " + running));

        // days=0: every finished automation, whatever its age; running ones stay.
        CleanupExecution all = awaitEnd(cleanup.start(0));
        assertEquals(50, all.automations());
        assertEquals(100, all.tasks());
        assertEquals(30, count("select count(*) from atm_automation"));
        assertEquals(30, count("select count(*) from atm_task"));

        List<CleanupExecution> listed = cleanup.executions(10);
        assertEquals(List.of(all.id(), id), listed.stream().map(CleanupExecution::id).toList().subList(0, 2));
    }

    @Test
    void failedAutomationsStayUnlessTheRunIncludesThemAndThePreviewCountsWhatGoes() throws Exception {
        HistoryRows rows = new HistoryRows(dataSource, 4_000_000);
        rows.insert(10, "FINISHED", OLD, 2);
        long failed = rows.insert(2, "FAILED", OLD, 1);
        rows.insert(3, "RUNNING", OLD, 1);

        assertEquals(new CleanupPreview(10, 0, 2), cleanup.preview(0, false));
        assertEquals(new CleanupPreview(12, 2, 2), cleanup.preview(0, true));

        // The case: days = 0 with the defaults deleted the two failures; now they stay.
        CleanupExecution kept = awaitEnd(cleanup.start(0));
        assertEquals(BatchStatus.COMPLETED, kept.status());
        assertEquals(10, kept.automations());
        assertEquals(2, count("select count(*) from atm_automation where status = 'FAILED' and id >= " + failed));

        CleanupExecution included = awaitEnd(cleanup.start(0, null, true));
        assertEquals(2, included.automations());
        assertEquals(0, count("select count(*) from atm_automation where status = 'FAILED'"));
        assertEquals(3, count("select count(*) from atm_automation"), "running ones stay");
    }

    @Test
    void deleteHistoryKeepsTheSeedsBehaviourAndDeletesFailedAutomationsToo() throws Exception {
        HistoryRows rows = new HistoryRows(dataSource, 5_000_000);
        rows.insert(4, "FINISHED", OLD, 1);
        rows.insert(2, "FAILED", OLD, 1);

        assertEquals(6L, automations.deleteHistory(0).perModel().get("AutomationModel"));
        assertEquals(0, count("select count(*) from atm_automation"));
    }

    @Test
    void aStoppedCleanupRestartsFromItsCheckpointAndCountsEachRowOnce() throws Exception {
        new HistoryRows(dataSource, 2_000_000).insert(4_000, "FINISHED", OLD, 2);
        JobOperator operator = BatchRuntime.getJobOperator();

        long first = cleanup.start(30, 20);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> cleanup.execution(first).orElseThrow().automations() >= 100);
        operator.stop(first);
        CleanupExecution stopped = awaitEnd(first);
        assertEquals(BatchStatus.STOPPED, stopped.status());
        long deletedBefore = stopped.automations();
        assertTrue(deletedBefore >= 100 && deletedBefore < 4_000, "stopped midway: " + deletedBefore);
        assertEquals(4_000 - deletedBefore, count("select count(*) from atm_automation"), "counted what it deleted");
        assertEquals(2 * deletedBefore, stopped.tasks());

        long second = operator.restart(first, null);
        CleanupExecution restarted = awaitEnd(second);
        assertEquals(BatchStatus.COMPLETED, restarted.status());
        assertEquals(4_000, restarted.automations(), "the counts of both executions, summed");
        assertEquals(8_000, restarted.tasks());
        assertEquals(4_000 - deletedBefore, metrics(second).get(Metric.MetricType.READ_COUNT),
                "the restart read only what came after the checkpoint");
        assertEquals(0, count("select count(*) from atm_automation"));
        assertEquals(0, count("select count(*) from atm_task"));
        assertEquals("30", restarted.days(), "the restart keeps the job parameters");
    }

    @Test
    void theEngineKeepsRunningWhileALargeHistoryIsDeleted() throws Exception {
        HistoryRows rows = new HistoryRows(dataSource, 3_000_000);
        rows.insert(20_000, "FINISHED", OLD, 2);
        // Old failures revived while the job runs, the way Automations.retry does it (row lock, then
        // RUNNING): each is either revived and kept, or was deleted before the revival came.
        long firstFailure = rows.insert(40, "FAILED", OLD, 1);

        Map<Long, Integer> created = new ConcurrentHashMap<>();
        AtomicInteger createdWhileRunning = new AtomicInteger();
        long job = cleanup.start(30, 500, true);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (isRunning(job) || created.size() < 30) {
                    boolean running = isRunning(job);
                    long id = automations.create(Quick.class, Map.of()).getId();
                    created.put(id, automations.getTasks(id).size());
                    if (running) {
                        createdWhileRunning.incrementAndGet();
                    }
                }
            }, executor));
        }
        List<Long> revived = new ArrayList<>();
        List<Long> goneBeforeRevival = new ArrayList<>();
        for (long id = firstFailure + 39; id >= firstFailure; id--) {
            (reviveFailed(id) ? revived : goneBeforeRevival).add(id);
        }
        CleanupExecution done = awaitEnd(job);
        for (CompletableFuture<Void> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }

        assertEquals(BatchStatus.COMPLETED, done.status());
        assertTrue(createdWhileRunning.get() > 0, "automations were created and run while the job deleted");
        for (var entry : created.entrySet()) {
            long id = entry.getKey();
            var model = automations.getModel(id);
            assertTrue(model.isPresent(), "automation " + id + " run during the cleanup was deleted");
            assertEquals(AutomationStatus.FINISHED, model.get().getStatus());
            assertEquals(entry.getValue(), automations.getTasks(id).size(), "all tasks of automation " + id + " kept");
        }
        for (long id : revived) {
            assertEquals(AutomationStatus.RUNNING, automations.getModel(id).orElseThrow().getStatus());
            assertEquals(1, automations.getTasks(id).size(), "revived automation " + id + " kept its task");
        }
        assertEquals(20_000 + goneBeforeRevival.size(), done.automations());
        assertEquals(40_000 + goneBeforeRevival.size(), done.tasks());
        assertEquals(revived.size(), count("select count(*) from atm_automation where automation_class = 'org.example.Old'"));
    }

    @Test
    void theWriterSkipsRowsTheEngineHoldsAndRowsThatNoLongerQualify() throws Exception {
        HistoryRows rows = new HistoryRows(dataSource, 4_000_000);
        long first = rows.insert(3, "FINISHED", OLD, 1);
        long held = first;
        long revived = first + 1;
        long plain = first + 2;
        Instant cutoff = Instant.now().minus(Duration.ofDays(30));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another transaction holds one row, as the engine does while it runs an automation.
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("select * from atm_automation where id = ? for update")) {
                    s.setLong(1, held);
                    s.executeQuery().close();
                }
                locked.countDown();
                release.await(60, TimeUnit.SECONDS);
                c.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, executor);
        assertTrue(locked.await(30, TimeUnit.SECONDS));

        transaction.begin();
        List<Long> ids = store.finishedIds(cutoff, 0, 10);
        assertEquals(List.of(held, revived, plain), ids);
        // Read as finished; revived before the writer comes (as Automations.retry does).
        // On another thread: a connection taken here would join this JTA transaction.
        CompletableFuture.runAsync(() -> revive(revived), executor).get(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        HistoryStore.Deleted deleted = store.delete(ids, cutoff);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        transaction.commit();
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        assertEquals(1, deleted.automations(), "only the row nobody holds and that still qualifies");
        assertEquals(1, deleted.tasks());
        assertTrue(waitedMillis < 10_000, "did not wait for the held row's lock (" + waitedMillis + " ms)");
        assertEquals(2, count("select count(*) from atm_automation"));
        assertEquals(0, count("select count(*) from atm_automation where id = " + plain));
        assertFalse(automations.getModel(held).isEmpty());
        assertFalse(automations.getModel(revived).isEmpty());
    }

    @Test
    void deleteHistoryStillReturnsTheSeedsCounts() throws Exception {
        HistoryRows rows = new HistoryRows(dataSource, 5_000_000);
        rows.insert(1_234, "FINISHED", OLD, 2);
        rows.insert(10, "FINISHED", RECENT, 1);
        rows.insert(5, "RUNNING", OLD, 1);

        DeleteResult result = automations.deleteHistory(30);
        assertEquals(1_234, result.perModel().get("AutomationModel"));
        assertEquals(2_468, result.perModel().get("AutomationTaskModel"));
        assertEquals(3_702, result.total());
        assertEquals(15, count("select count(*) from atm_automation"));
    }

    private void revive(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update atm_automation set status = 'RUNNING', finished = false, updated = ? where id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
            s.setLong(2, id);
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As Automations.retry: claims the row (waiting for its holder), then makes a FAILED automation RUNNING. */
    private boolean reviveFailed(long id) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement(
                    "select id from atm_automation where id = ? and status = 'FAILED' for update");
                    PreparedStatement revive = c.prepareStatement(
                            "update atm_automation set status = 'RUNNING', finished = false, updated = ? where id = ?")) {
                claim.setLong(1, id);
                try (var row = claim.executeQuery()) {
                    if (!row.next()) {
                        c.rollback();
                        return false;
                    }
                }
                revive.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
                revive.setLong(2, id);
                revive.executeUpdate();
                c.commit();
                return true;
            }
        }
    }

    private static boolean isRunning(long executionId) {
        BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }

    private CleanupExecution awaitEnd(long id) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .until(() -> !cleanup.execution(id).orElseThrow().isRunning());
        return cleanup.execution(id).orElseThrow();
    }

    private static Map<Metric.MetricType, Long> metrics(long executionId) {
        StepExecution step = BatchRuntime.getJobOperator().getStepExecutions(executionId).get(0);
        Map<Metric.MetricType, Long> values = new java.util.EnumMap<>(Metric.MetricType.class);
        for (Metric metric : step.getMetrics()) {
            values.put(metric.getType(), metric.getValue());
        }
        return values;
    }

    private long count(String sql) throws Exception {
        return HistoryRows.count(dataSource, sql);
    }
}
