package org.automations.it.engine;

import java.util.ArrayList;
import java.util.List;
import org.automations.Automations;
import org.automations.model.AutomationTaskModel;

/** Test steps record their node in the automation's data, so what ran is committed with the step. */
final class Visits {

    private Visits() {
    }

    static void add(AutomationTaskModel task) {
        List<Object> visits = task.getData().getList("visits");
        List<Object> updated = visits == null ? new ArrayList<>() : new ArrayList<>(visits);
        updated.add(task.getStatus());
        task.getData().put("visits", updated);
    }

    static List<String> of(Automations automations, long automationId) {
        List<Object> visits = automations.find(automationId).orElseThrow().data().getList("visits");
        List<String> names = new ArrayList<>();
        if (visits != null) {
            visits.forEach(v -> names.add((String) v));
        }
        return names;
    }
}
