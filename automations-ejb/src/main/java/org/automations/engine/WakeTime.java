package org.automations.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.automations.flow.Automation;
import org.automations.flow.Form;
import org.automations.flow.Join;
import org.automations.flow.Node;
import org.automations.model.AutomationTaskModel;

/**
 * When the tick must next look at an automation (DESIGN.md guarantee 3): the earliest due wait,
 * skip deadline or condition poll of its open tasks. Tasks waiting only for a person (Form), for other
 * paths (Join) or forever have none, so such automations are never polled.
 */
public final class WakeTime {

    private WakeTime() {
    }

    /**
     * The next run time, or null when nothing but a person or a message can move the automation.
     * Tasks created by the step that just ran have not been looked at yet: they are due now.
     */
    public static Instant nextRun(Automation automation, Collection<AutomationTaskModel> openTasks,
            Collection<AutomationTaskModel> createdNow, Instant now, Duration pollInterval) {
        Instant earliest = null;
        for (AutomationTaskModel task : openTasks) {
            Node node = automation.getNode(task.getStatus());
            if (node != null) {
                Instant wake = wakeOf(node, task, now, pollInterval);
                // A task awaiting a message needs no first look: only the delivery can make it ready.
                boolean unseen = createdNow.contains(task) && node.getAwaitedMessage() == null;
                earliest = min(earliest, wake == null && unseen ? now : wake);
            }
        }
        return earliest;
    }

    /** The earliest future time one of the open tasks waits for (shown as "paused until"). */
    public static Instant pausedUntil(Collection<AutomationTaskModel> openTasks, Instant now) {
        Instant earliest = null;
        for (AutomationTaskModel task : openTasks) {
            if (task.getDue() != null && task.getDue().isAfter(now)) {
                earliest = min(earliest, task.getDue());
            }
        }
        return earliest;
    }

    static Instant wakeOf(Node node, AutomationTaskModel task, Instant now, Duration pollInterval) {
        Instant wake = readiness(node, task, now, pollInterval);
        if (!node.getSkipConditions().isEmpty()) {
            wake = min(wake, now.plus(pollInterval));
        }
        if (node.getSkipAfter() != null) {
            wake = min(wake, task.getCreated().plus(node.getSkipAfter()));
        }
        if (task.getDeadline() != null && !task.isOverdueHandled()) {
            wake = min(wake, task.getDeadline()); // the overdue moment: notifications and .onOverdue
        }
        return wake;
    }

    private static Instant readiness(Node node, AutomationTaskModel task, Instant now, Duration pollInterval) {
        if (node.isSkipAlways()) {
            return now;
        }
        if (node.hasWait() && task.getDue() == null) {
            return now; // its wait has not been evaluated yet
        }
        if (task.getDue() != null && task.getDue().isAfter(now)) {
            return task.getDue();
        }
        if (node.isBlockedForever()) {
            return null;
        }
        if (node.getAwaitedMessage() != null && task.getMessageReceived() == null) {
            return null; // the delivery of the message sets the next run
        }
        if (!node.getConditions().isEmpty() && !(node instanceof Form && task.isRequiresInteraction())) {
            return now.plus(pollInterval);
        }
        if (node instanceof Form && task.isRequiresInteraction() || node instanceof Join) {
            return null;
        }
        return now;
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
