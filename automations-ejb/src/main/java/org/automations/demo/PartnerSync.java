package org.automations.demo;

import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.automations.model.AutomationTaskModel;

/**
 * A demo of the errors page: the partner's order API is "down" on the first call, so the automation
 * fails with a traceback; an administrator's retry (the outage is over) lets it finish. The retry is
 * recognised by the task before the new attempt, the record of the administrator's action.
 */
@Meta(verboseName = "Partner order import", verboseNamePlural = "Partner order imports")
public class PartnerSync extends Automation {

    Execute fetchOrders = new Execute(this::fetch).description("Fetch the partner's new orders");
    Execute confirm = new Execute(this::confirm).description("Confirm the import to the partner");
    End end = new End();

    Object fetch(AutomationTaskModel task) {
        if (!afterAdministratorAction(task)) {
            throw new IllegalStateException("Partner order API " + task.getData().getString("partner")
                    + " answered 503 Service Unavailable");
        }
        task.getData().put("orders", 3);
        return Map.of("orders", 3);
    }

    void confirm(AutomationTaskModel task) {
        task.getData().put("confirmed", true);
    }

    private static boolean afterAdministratorAction(AutomationTaskModel task) {
        return task.getPrevious() != null && task.getPrevious().getResult() instanceof Map<?, ?> result
                && result.containsKey("action");
    }
}
