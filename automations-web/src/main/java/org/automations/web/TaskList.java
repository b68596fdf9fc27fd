package org.automations.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.automations.Automations;
import org.automations.model.AutomationTaskModel;

/** The task list ({@code /tasks}): the caller's open tasks, newest first, coloured by how long they wait. */
@Named
@ViewScoped
public class TaskList implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Waiting longer than this is worth a colour; longer than {@link #OVERDUE_HOURS} is urgent. */
    static final double WAITING_HOURS = 24;
    static final double OVERDUE_HOURS = 72;

    @Inject
    Automations automations;

    private OpenTaskModel model;

    public OpenTaskModel getModel() {
        if (model == null) {
            model = new OpenTaskModel(automations);
        }
        return model;
    }

    public String verboseName(AutomationTaskModel task) {
        return automations.getVerboseName(task.getAutomation().getAutomationClass(), Messages.locale());
    }

    /** The node's description, else its name. */
    public String description(AutomationTaskModel task) {
        String description = automations.getNodeDescription(task.getAutomation().getAutomationClass(), task.getStatus(),
                Messages.locale());
        return description == null || description.isBlank() ? task.getStatus() : description;
    }

    public String waiting(AutomationTaskModel task) {
        double hours = task.hoursSinceCreated();
        if (hours < 1) {
            return Messages.text("tasks.waiting.minutes", (int) (hours * 60));
        }
        if (hours < 48) {
            return Messages.text("tasks.waiting.hours", (int) hours);
        }
        return Messages.text("tasks.waiting.days", (int) (hours / 24));
    }

    /** A CSS class by waiting time (manual 5.5.2: colour tasks by {@code hoursSinceCreated}). */
    public String urgency(AutomationTaskModel task) {
        double hours = task.hoursSinceCreated();
        if (hours >= OVERDUE_HOURS) {
            return "task-overdue";
        }
        return hours >= WAITING_HOURS ? "task-waiting" : "task-fresh";
    }
}
