package org.automations.web.components;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.automations.Automations;
import org.automations.model.AutomationTaskModel;

/** The backing of {@code <atm:taskList/>}: the caller's newest open tasks (none when not logged in). */
@Named("atmTaskList")
@RequestScoped
public class TaskListComponent {

    @Inject
    Automations automations;

    private List<AutomationTaskModel> tasks;
    private Long count;

    public List<AutomationTaskModel> tasks(int max) {
        if (tasks == null) {
            tasks = automations.getOpenTasks(0, max);
        }
        return tasks;
    }

    /** All of the caller's open tasks, also those beyond {@code max}. */
    public long count() {
        if (count == null) {
            count = automations.countOpenTasks();
        }
        return count;
    }
}
