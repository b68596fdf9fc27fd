package org.automations.web.components;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.model.AutomationTaskModel;

/** The backing of {@code <atm:taskList/>}: the caller's newest open tasks (none when not logged in). */
@Named("atmTaskList")
@RequestScoped
public class TaskListComponent {

    @Inject
    Automations automations;

    /** Per {@code max}: two lists of different length on one page each get theirs, read once. */
    private final Map<Integer, List<AutomationTaskModel>> tasks = new HashMap<>();
    private Long count;

    public List<AutomationTaskModel> tasks(int max) {
        return tasks.computeIfAbsent(max, n -> automations.getOpenTasks(0, n));
    }

    /** All of the caller's open tasks, also those beyond {@code max}. */
    public long count() {
        if (count == null) {
            count = automations.countOpenTasks();
        }
        return count;
    }
}
