package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Due times, priorities and escalation of form tasks (issue 14): {@code dueIn}/{@code dueAt} and
 * {@code priority} are stored on the task when it starts waiting for a person; the due time is the
 * automation's wake time (the tick finds it through next_run, never by polling tasks); at that moment
 * {@code onOverdue} runs once, through the tick, with time moved by {@code run(Instant)}.
 */
@ExtendWith(ArquillianExtension.class)
class TaskDeadlinesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TaskDeadlinesIT.class, Answer.class);
    }

    @Inject
    Automations automations;

    /** Due two hours after it starts waiting, with the priority the data gives. */
    public static class Prioritised extends Automation {
        Form moderate = new Form(Answer.class).group("Moderators").dueIn(Duration.ofHours(2))
                .priority(task -> task.getData().getInt("urgency"));
        End end = new End();
    }

    /** Overdue after an hour: the review ends and an administrator's task takes its place. */
    public static class Escalating extends Automation {
        Form review = new Form(Answer.class).group("Moderators").dueIn(Duration.ofHours(1)).onOverdue("escalate");
        End end = new End();
        Form escalate = new Form(Answer.class).user("admin").next("end");
    }

    /** Overdue after an hour: a reminder is counted and the task goes to the Supervisors; it stays open. */
    public static class Reminding extends Automation {
        @Inject
        Automations engine;

        Form review = new Form(Answer.class).group("Moderators")
                .dueAt(task -> task.getCreated().plus(Duration.ofHours(1))).onOverdue(this::remind);
        End end = new End();

        void remind(AutomationTaskModel task) {
            Integer reminders = task.getData().getInt("reminders");
            task.getData().put("reminders", reminders == null ? 1 : reminders + 1);
            engine.reassignTask(task.getId(), null, "Supervisors");
            if (Boolean.TRUE.equals(task.getData().getBoolean("failAfterReassigning"))) {
                throw new IllegalStateException("the reminder could not be sent");
            }
        }
    }

    @Test
    void theDueTimeAndPriorityAreStoredAndTheDueTimeIsTheOnlyWakeTime() {
        Instant before = Instant.now();
        long id = automations.create(Prioritised.class, Map.of("urgency", 7)).getId();
        AutomationTaskModel task = openTask(id, "moderate");
        assertEquals(7, task.getPriority());
        assertNotNull(task.getDeadline());
        assertFalse(task.getDeadline().isBefore(before.plus(Duration.ofHours(2))));
        assertFalse(task.getDeadline().isAfter(Instant.now().plus(Duration.ofHours(2))));
        assertEquals(task.getDeadline(), model(id).getNextRun(), "a form waits for nothing else: the tick looks at it then");

        automations.run(task.getDeadline().minusSeconds(1));
        assertFalse(openTask(id, "moderate").isOverdueHandled(), "not overdue a second early");

        automations.run(task.getDeadline());
        assertTrue(openTask(id, "moderate").isOverdueHandled(), "overdue at its due time, and still open");
        assertNull(model(id).getNextRun(), "handled once: nothing left to wake it for");
    }

    @Test
    void anOverdueTaskEscalatesToTheOnOverdueNodeThroughTheTick() {
        long id = automations.create(Escalating.class, Map.of()).getId();
        AutomationTaskModel review = openTask(id, "review");

        automations.run(review.getDeadline().minusSeconds(60));
        assertEquals(List.of("review"), automations.getWaitingAt(id));

        automations.run(review.getDeadline().plusSeconds(1));
        AutomationTaskModel ended = automations.getTasks(id).stream().filter(t -> t.getId().equals(review.getId()))
                .findFirst().orElseThrow();
        assertEquals("overdue", ended.getMessage());
        assertNotNull(ended.getFinished());
        assertEquals(List.of("escalate"), automations.getWaitingAt(id));
        assertEquals("admin", openTask(id, "escalate").getInteractionUser());
    }

    @Test
    void anOnOverdueMethodRunsOnceAndMayReassignTheTaskWhichStaysOpen() {
        long id = automations.create(Reminding.class, Map.of()).getId();
        AutomationTaskModel review = openTask(id, "review");

        automations.run(review.getDeadline().plusSeconds(1));
        automations.run(review.getDeadline().plusSeconds(3600));

        AutomationTaskModel open = openTask(id, "review");
        assertEquals(1, automations.find(id).orElseThrow().data().getInt("reminders"), "once, not on every tick");
        assertEquals("Supervisors", open.getInteractionGroup());
        Map<String, Object> reassigned = open.getAssignments().get(0);
        assertEquals("automation", reassigned.get("actor"));
        assertEquals("Moderators", reassigned.get("fromGroup"));
    }

    /** The reassignment made inside the overdue step commits or rolls back with that step. */
    @Test
    void aReassignmentFromAFailingOnOverdueMethodRollsBackWithItsStep() {
        long id = automations.create(Reminding.class, Map.of("failAfterReassigning", true)).getId();
        AutomationTaskModel review = openTask(id, "review");

        automations.run(review.getDeadline().plusSeconds(1));

        AutomationModel model = model(id);
        assertEquals(AutomationStatus.FAILED, model.getStatus());
        AutomationTaskModel stored = automations.getTasks(id).stream().filter(t -> t.getId().equals(review.getId()))
                .findFirst().orElseThrow();
        assertEquals("Moderators", stored.getInteractionGroup(), "the reassignment rolled back");
        assertTrue(stored.getAssignments().isEmpty());
        assertNull(automations.find(id).orElseThrow().data().get("reminders"));
    }

    private AutomationModel model(long id) {
        return automations.getModel(id).orElseThrow();
    }

    private AutomationTaskModel openTask(long automationId, String node) {
        return automations.getTasks(automationId).stream()
                .filter(t -> t.getStatus().equals(node) && t.getFinished() == null)
                .findFirst().orElseThrow(() -> new AssertionError("no open task at " + node));
    }
}
