package org.automations.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import org.automations.model.AutomationTaskModel;

/**
 * Tells the people who may process a form task about it: when it starts waiting for a person and when
 * it becomes overdue. Called by the engine inside the step's transaction.
 */
@ApplicationScoped
public class TaskNotifications {

    /** A form task started waiting for a person. */
    public void taskWaiting(AutomationTaskModel task) {
        // filled in by the notifications work (issue 14 part 4)
    }

    /** A form task is still open at its due time. */
    public void taskOverdue(AutomationTaskModel task) {
        // filled in by the notifications work (issue 14 part 4)
    }
}
