package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.automations.Automations;
import org.automations.FormResult;
import org.automations.TaskClaimResult;
import org.automations.TaskClaimResult.Outcome;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Claiming, releasing and reassigning group tasks (issue 14): a claim is race-safe, a claimed task
 * cannot be submitted by anyone else until it is released, administrators release and reassign, and
 * every claim, release and reassignment is recorded on the task with who did it. jacob and anna are
 * both Moderators in the test realm; admin holds both change roles; mary holds nothing.
 */
@ExtendWith(ArquillianExtension.class)
class TaskClaimsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TaskClaimsIT.class, Answer.class);
    }

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService threads;

    /** A task for the Moderators group. */
    public static class Moderation extends Automation {
        Form moderate = new Form(Answer.class).group("Moderators").description("Moderate the mails");
        End end = new End();
    }

    /**
     * Two Moderators claim the same task at the same moment, ten times: both wait for the task's row,
     * which the test holds, so their updates really collide. Exactly one wins; the other is told who.
     */
    @Test
    void ofTwoClaimsAtOnceExactlyOneWinsAndTheOtherIsToldWhoHasIt() throws Exception {
        for (int round = 0; round < 10; round++) {
            long task = openTask(automations.create(Moderation.class, Map.of()).getId(), "moderate");
            List<TaskClaimResult> results = whileTaskRowIsHeld(task,
                    () -> automations.claimTask(task, "jacob"), () -> automations.claimTask(task, "anna"));

            List<TaskClaimResult> winners = results.stream().filter(TaskClaimResult::isDone).toList();
            assertEquals(1, winners.size(), "round " + round + ": exactly one claim wins: " + results);
            String winner = winners.get(0).claimedBy();
            TaskClaimResult loser = results.stream().filter(r -> !r.isDone()).findFirst().orElseThrow();
            assertEquals(new TaskClaimResult(Outcome.CLAIMED_BY_OTHER, winner), loser, "round " + round);
            AutomationTaskModel stored = em.find(AutomationTaskModel.class, task);
            assertEquals(winner, stored.getClaimedBy());
            assertEquals(1, stored.getAssignments().size(), "one claim recorded: " + stored.getAssignments());
        }
    }

    @Test
    void aClaimedTaskCannotBeSubmittedByAnotherModeratorUntilItIsReleased() {
        long automationId = automations.create(Moderation.class, Map.of()).getId();
        long task = openTask(automationId, "moderate");
        assertEquals(Outcome.FORBIDDEN, automations.claimTask(task, "mary").outcome(), "mary is no Moderator");
        assertEquals(new TaskClaimResult(Outcome.DONE, "jacob"), automations.claimTask(task, "jacob"));
        assertEquals(new TaskClaimResult(Outcome.DONE, "jacob"), automations.claimTask(task, "jacob"), "claiming again is fine");

        assertEquals(FormResult.CLAIMED, automations.completeForm(task, new Answer("mine", true), "anna"));
        assertEquals(new TaskClaimResult(Outcome.FORBIDDEN, "jacob"), automations.releaseTask(task, "anna"),
                "only the one who claimed it or an administrator releases it");
        assertEquals("jacob", claimedBy(task));

        assertEquals(Outcome.DONE, automations.releaseTask(task, "jacob").outcome());
        assertNull(claimedBy(task));
        assertEquals(Outcome.NOT_CLAIMED, automations.releaseTask(task, "jacob").outcome());

        // Submitting an unclaimed group task claims it implicitly.
        assertEquals(FormResult.COMPLETED, automations.completeForm(task, new Answer("done", true), "anna"));
        assertEquals("anna", claimedBy(task));
        assertEquals(Outcome.ALREADY_DONE, automations.claimTask(task, "jacob").outcome());
        assertTrue(automations.find(automationId).orElseThrow().isFinished());
    }

    @Test
    void anAdministratorReleasesAndReassignsAndTheHistoryRecordsWhoDidIt() {
        long task = openTask(automations.create(Moderation.class, Map.of()).getId(), "moderate");
        automations.claimTask(task, "jacob");
        assertEquals(Outcome.FORBIDDEN, automations.reassignTask(task, "mary", null, "jacob").outcome(),
                "a Moderator is no administrator");
        assertThrows(IllegalArgumentException.class, () -> automations.reassignTask(task, "mary", "Moderators", "admin"));

        assertEquals(Outcome.DONE, automations.releaseTask(task, "admin").outcome());
        assertEquals(Outcome.DONE, automations.reassignTask(task, "mary", null, "admin").outcome());

        AutomationTaskModel stored = em.find(AutomationTaskModel.class, task);
        assertEquals("mary", stored.getInteractionUser());
        assertNull(stored.getInteractionGroup());
        assertNull(stored.getClaimedBy());
        List<Map<String, Object>> log = stored.getAssignments();
        assertEquals(List.of("claim", "release", "reassign"), log.stream().map(e -> e.get("action")).toList());
        assertEquals(List.of("jacob", "admin", "admin"), log.stream().map(e -> e.get("actor")).toList());
        assertEquals("mary", log.get(2).get("user"));
        assertEquals("Moderators", log.get(2).get("fromGroup"));

        assertEquals(FormResult.FORBIDDEN, automations.completeForm(task, new Answer("no", true), "jacob"),
                "no longer a Moderators task");
        assertEquals(FormResult.COMPLETED, automations.completeForm(task, new Answer("yes", true), "mary"));
    }

    /**
     * A claim and a submission by another Moderator at the same moment: either the claim wins and the
     * submission is refused, or the submission wins and the claim finds the task done; never both.
     */
    @Test
    void aClaimAndAnotherModeratorsSubmissionAtOnceNeverBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            long automationId = automations.create(Moderation.class, Map.of()).getId();
            long task = openTask(automationId, "moderate");
            List<Object> results = whileTaskRowIsHeld(task,
                    () -> automations.claimTask(task, "jacob"),
                    () -> automations.completeForm(task, new Answer("anna's", true), "anna"));
            TaskClaimResult claim = (TaskClaimResult) results.get(0);
            FormResult submission = (FormResult) results.get(1);
            if (claim.isDone()) {
                assertEquals(FormResult.CLAIMED, submission, "round " + round);
                assertTrue(automations.getWaitingAt(automationId).contains("moderate"));
            } else {
                assertEquals(Outcome.ALREADY_DONE, claim.outcome(), "round " + round);
                assertEquals(FormResult.COMPLETED, submission, "round " + round);
                assertEquals("anna", claimedBy(task));
            }
        }
    }

    /** Runs both calls at once while this test holds the task's row lock, then lets them go. */
    @SafeVarargs
    private <T> List<T> whileTaskRowIsHeld(long task, Callable<? extends T>... calls) throws Exception {
        transaction.begin();
        em.createNativeQuery("select id from atm_task where id = ?1 for update").setParameter(1, task).getResultList();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<? extends T>> running = new ArrayList<>();
        for (Callable<? extends T> call : calls) {
            running.add(threads.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        Thread.sleep(300); // both are now waiting for the row
        transaction.commit();
        List<T> results = new ArrayList<>();
        for (Future<? extends T> result : running) {
            results.add(result.get());
        }
        return results;
    }

    private String claimedBy(long task) {
        return em.find(AutomationTaskModel.class, task).getClaimedBy();
    }

    private long openTask(long automationId, String node) {
        return automations.getTasks(automationId).stream()
                .filter(t -> t.getStatus().equals(node) && t.getFinished() == null)
                .findFirst().orElseThrow(() -> new AssertionError("no open task at " + node)).getId();
    }
}
