package org.automations.it.admin;

import jakarta.persistence.TypedQuery;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.model.AutomationModel;

/** Test automation whose dashboard context hook throws: its item says so, the dashboard still renders. */
public class BrokenHook extends Automation {

    End end = new End();

    @Override
    public Map<String, Object> getDashboardContext(TypedQuery<AutomationModel> automations) {
        throw new IllegalArgumentException("no context today");
    }
}
