package org.automations.engine;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automations.audit.AuditAction;
import org.automations.audit.AuditLog;
import org.automations.TaskClaimResult;
import org.automations.TaskClaimResult.Outcome;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskAccess;
import org.automations.security.TaskUser;

/**
 * Claims, releases and reassignments of open form tasks. Each is one conditional UPDATE of the task's
 * row, so of two claims at once exactly one finds it unclaimed; the row lock it takes lasts until the
 * commit, and a form submission (which claims implicitly, {@code StepExecutor.completeForm}) waits for it.
 * The automation's row is not locked: a claim never waits for a step that runs. Joins the caller's
 * transaction (an {@code onOverdue} method may reassign its task inside its step).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TaskClaims {

    /** The actor recorded for a reassignment made by an automation's own code in a step. */
    public static final String ENGINE_ACTOR = "automation";

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    AuditLog audit;

    /** Claims the task for the user, who must be allowed to process it. */
    public TaskClaimResult claim(long taskId, TaskUser user, Instant now) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        TaskClaimResult refused = refusal(task);
        if (refused != null) {
            return refused;
        }
        if (user.isAnonymous() || !access.mayProcess(user, task)) {
            return TaskClaimResult.of(Outcome.FORBIDDEN);
        }
        int claimed = em.createQuery("update AutomationTaskModel t set t.claimedBy = :user"
                + " where t.id = :id and t.claimedBy is null and t.awaitsPerson = true")
                .setParameter("user", user.name()).setParameter("id", taskId).executeUpdate();
        em.refresh(task); // as committed now (and locked by the update when it changed the row)
        if (claimed == 1) {
            task.recordAssignment(entry(now, user.name(), "claim", user.name(), null));
            audit.record(AuditAction.CLAIM, user.name(), task, null);
            return new TaskClaimResult(Outcome.DONE, user.name());
        }
        if (!task.isAwaitingPerson()) {
            return TaskClaimResult.of(Outcome.ALREADY_DONE);
        }
        return user.name().equals(task.getClaimedBy()) ? new TaskClaimResult(Outcome.DONE, user.name())
                : new TaskClaimResult(Outcome.CLAIMED_BY_OTHER, task.getClaimedBy());
    }

    /** Releases the claim: the one who claimed the task may, and so may an administrator. */
    public TaskClaimResult release(long taskId, TaskUser user, Instant now) {
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        TaskClaimResult refused = refusal(task);
        if (refused != null) {
            return refused;
        }
        String holder = task.getClaimedBy();
        if (holder == null) {
            return TaskClaimResult.of(Outcome.NOT_CLAIMED);
        }
        if (!holder.equals(user.name()) && !user.isAdministrator()) {
            return new TaskClaimResult(Outcome.FORBIDDEN, holder);
        }
        int released = em.createQuery("update AutomationTaskModel t set t.claimedBy = null"
                + " where t.id = :id and t.claimedBy = :holder and t.awaitsPerson = true")
                .setParameter("holder", holder).setParameter("id", taskId).executeUpdate();
        em.refresh(task);
        if (released == 0) {
            // Released, reassigned or done meanwhile: say how it stands now.
            return task.isAwaitingPerson() ? new TaskClaimResult(Outcome.NOT_CLAIMED, task.getClaimedBy())
                    : TaskClaimResult.of(Outcome.ALREADY_DONE);
        }
        task.recordAssignment(entry(now, user.name(), "release", holder, null));
        audit.record(AuditAction.RELEASE, user.name(), task, "claimed by " + holder);
        return TaskClaimResult.of(Outcome.DONE);
    }

    /**
     * Gives the task to a named user or to a group instead of whoever it was for (its permissions
     * too), unclaimed. Administrators only, or the automation's own code in a step or receiver ({@code user} null).
     */
    public TaskClaimResult reassign(long taskId, TaskUser user, String toUser, String toGroup, Instant now) {
        String assignee = blankToNull(toUser);
        String group = blankToNull(toGroup);
        if ((assignee == null) == (group == null)) {
            throw new IllegalArgumentException("Reassigning task " + taskId + " needs a user or a group, not "
                    + (assignee == null ? "neither" : "both"));
        }
        AutomationTaskModel task = em.find(AutomationTaskModel.class, taskId);
        TaskClaimResult refused = refusal(task);
        if (refused != null) {
            return refused;
        }
        if (user != null && !user.isAdministrator()) {
            return TaskClaimResult.of(Outcome.FORBIDDEN);
        }
        // Locks the row (and drops any claim) before it is changed, so a racing claim or submission waits.
        int locked = em.createQuery("update AutomationTaskModel t set t.claimedBy = null"
                + " where t.id = :id and t.awaitsPerson = true").setParameter("id", taskId).executeUpdate();
        em.refresh(task);
        if (locked == 0) {
            return TaskClaimResult.of(Outcome.ALREADY_DONE);
        }
        Map<String, Object> entry = entry(now, user == null ? ENGINE_ACTOR : user.name(), "reassign", assignee, group);
        entry.put("fromUser", task.getInteractionUser());
        entry.put("fromGroup", task.getInteractionGroup());
        task.setInteractionUser(assignee);
        task.setInteractionGroup(group);
        task.setInteractionPermissions(List.of());
        task.recordAssignment(entry);
        audit.record(AuditAction.REASSIGN, (String) entry.get("actor"), task,
                "to " + (assignee != null ? "user " + assignee : "group " + group));
        return TaskClaimResult.of(Outcome.DONE);
    }

    private static TaskClaimResult refusal(AutomationTaskModel task) {
        if (task == null || !task.isRequiresInteraction()) {
            return TaskClaimResult.of(Outcome.NOT_FOUND);
        }
        return task.isAwaitingPerson() ? null : TaskClaimResult.of(Outcome.ALREADY_DONE);
    }

    private static Map<String, Object> entry(Instant now, String actor, String action, String user, String group) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", now.toString());
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("user", user);
        entry.put("group", group);
        return entry;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
