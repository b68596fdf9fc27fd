package org.automations.it.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.TaskClaimResult;
import org.automations.admin.FailedAutomations;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditEntry;
import org.automations.audit.AuditFilter;
import org.automations.audit.AuditLog;
import org.automations.batch.HistoryCleanup;
import org.automations.demo.MailModeration;
import org.automations.demo.PartnerSync;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log (issue 15 part 3): retry, skip, kill, claim, release, reassign, form submissions and
 * history-cleanup runs each write an entry in the action's own transaction; a kill's entry keeps the
 * class, key and last node after the rows are gone; the cleanup applies the log's retention.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(AuditLogIT.class);
    }

    /** Waits an hour at its first node. */
    public static class Waiting extends Automation {
        Execute remind = new Execute().afterWaitingFor(Duration.ofHours(1));
        End end = new End();
    }

    /** A task for the Moderators. */
    public static class Moderation extends Automation {
        Form moderate = new Form(MailModeration.class).group("Moderators");
        End end = new End();
    }

    /** Kills the automation its data names, then fails: the kill rolls back with the step. */
    public static class KillsThenFails extends Automation {
        @Inject
        Automations automations;

        Execute kill = new Execute(this::killAndFail);
        End end = new End();

        void killAndFail(AutomationTaskModel task) {
            automations.find(((Number) task.getData().get("victim")).longValue()).orElseThrow().kill();
            throw new IllegalStateException("failing after the kill");
        }
    }

    @Inject
    Automations automations;

    @Inject
    FailedAutomations failed;

    @Inject
    AuditLog audit;

    @Inject
    HistoryCleanup cleanup;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @Test
    void retrySkipAndKillAreRecordedAndTheKillOutlivesTheAutomation() {
        long retried = automations.create(PartnerSync.class, Map.of("partner", "ACME")).getId();
        failed.retry(retried);
        AuditEntry retry = only(AuditAction.RETRY, retried);
        assertEquals("anonymous", retry.getActor());
        assertEquals(PartnerSync.class.getName(), retry.getAutomationClass());
        assertEquals("fetchOrders", retry.getNode());

        long skipped = automations.create(PartnerSync.class, Map.of("partner", "ACME")).getId();
        failed.skip(skipped);
        assertEquals("fetchOrders", only(AuditAction.SKIP, skipped).getNode());

        long killed = automations.create(PartnerSync.class, Map.of("partner", "ACME")).getId();
        String key = automations.getModel(killed).orElseThrow().getKey();
        failed.kill(killed);
        assertTrue(automations.getModel(killed).isEmpty(), "the rows are gone");
        AuditEntry kill = only(AuditAction.KILL, killed);
        assertEquals(PartnerSync.class.getName(), kill.getAutomationClass());
        assertEquals(key, kill.getAutomationKey());
        assertEquals("fetchOrders", kill.getNode(), "the last node it was at");
        assertEquals("FAILED", kill.getDetail());
    }

    @Test
    void aKillThatRollsBackWithItsStepLeavesNoEntry() {
        long victim = automations.create(Waiting.class, Map.of()).getId();
        long killer = automations.create(KillsThenFails.class, Map.of("victim", victim)).getId();
        assertEquals("FAILED", automations.getModel(killer).orElseThrow().getStatus().name());
        assertTrue(automations.getModel(victim).isPresent(), "the kill rolled back with the step");
        assertEquals(List.of(), entries(AuditAction.KILL, victim));
    }

    @Test
    void claimsReleasesReassignmentsAndSubmissionsAreRecordedWithoutTheData() {
        long discussion = automations.create(Moderation.class, Map.of()).getId();
        long task = automations.getTasks(discussion).stream()
                .filter(t -> t.getStatus().equals("moderate") && t.getFinished() == null)
                .findFirst().orElseThrow().getId();

        assertEquals(TaskClaimResult.Outcome.DONE, automations.claimTask(task, "jacob").outcome());
        assertEquals(TaskClaimResult.Outcome.DONE, automations.releaseTask(task, "jacob").outcome());
        assertEquals(TaskClaimResult.Outcome.DONE, automations.reassignTask(task, "mary", null, "admin").outcome());
        MailModeration form = new MailModeration();
        form.setSummary("Secret summary");
        assertEquals(FormResult.COMPLETED, automations.completeForm(task, form, "mary"));

        List<AuditEntry> entries = audit.find(new AuditFilter(null, null, Moderation.class.getName(), null, null), 0, 1000)
                .stream().filter(e -> Long.valueOf(discussion).equals(e.getAutomationId())).toList();
        // Newest first.
        assertEquals(List.of(AuditAction.FORM_SUBMITTED, AuditAction.REASSIGN, AuditAction.RELEASE, AuditAction.CLAIM),
                entries.stream().map(AuditEntry::getAction).toList());
        assertEquals(List.of("mary", "admin", "jacob", "jacob"), entries.stream().map(AuditEntry::getActor).toList());
        assertTrue(entries.stream().allMatch(e -> Long.valueOf(task).equals(e.getTaskId()) && "moderate".equals(e.getNode())));
        assertEquals("to user mary", entries.get(1).getDetail());
        assertNull(entries.get(0).getDetail(), "a submission records who and when, not the data");
        assertFalse(entries.toString().contains("Secret summary"));

        assertEquals(1, audit.count(new AuditFilter("mary", AuditAction.FORM_SUBMITTED, Moderation.class.getName(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)))));
        assertEquals(0, audit.count(new AuditFilter("mary", AuditAction.FORM_SUBMITTED, Moderation.class.getName(),
                null, Instant.now().minus(Duration.ofHours(1)))), "the period filters");
    }

    @Test
    void theCleanupIsRecordedAndDeletesEntriesOlderThanTheRetention() throws Exception {
        long old = insertEntry(Instant.now().minus(Duration.ofDays(400)));
        long kept = insertEntry(Instant.now().minus(Duration.ofDays(300)));

        long execution = cleanup.start(36_500); // deletes no automation, but runs the retention step
        await().atMost(Duration.ofSeconds(120)).until(() -> !cleanup.execution(execution).orElseThrow().isRunning());

        List<Long> ids = audit.find(new AuditFilter("retention-test", null, null, null, null), 0, 10).stream()
                .map(AuditEntry::getId).toList();
        assertEquals(List.of(kept), ids, "the 400 days old entry went (default 365), the 300 days old one stays; old=" + old);
        AuditEntry run = audit.find(new AuditFilter(null, AuditAction.CLEANUP, null, null, null), 0, 1).get(0);
        assertEquals("anonymous", run.getActor());
        assertTrue(run.getDetail().startsWith("DELETED automations=0 tasks=0, audit entries older than 365 days="),
                run.getDetail());

        // A run the schedule starts names the schedule (a timer has no caller).
        long scheduled = cleanup.startScheduled(36_500);
        await().atMost(Duration.ofSeconds(120)).until(() -> !cleanup.execution(scheduled).orElseThrow().isRunning());
        assertEquals(HistoryCleanup.SCHEDULE, audit.find(new AuditFilter(null, AuditAction.CLEANUP, null, null, null), 0, 1)
                .get(0).getActor());
    }

    private AuditEntry only(AuditAction action, long automationId) {
        List<AuditEntry> entries = entries(action, automationId);
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private List<AuditEntry> entries(AuditAction action, long automationId) {
        return audit.find(new AuditFilter(null, action, null, null, null), 0, 1000).stream()
                .filter(e -> Long.valueOf(automationId).equals(e.getAutomationId())).toList();
    }

    private long insertEntry(Instant time) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into atm_audit (acted_at, actor, action) values (?, 'retention-test', 'RETRY')",
                     new String[] {"id"})) {
            insert.setTimestamp(1, Timestamp.from(time));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
