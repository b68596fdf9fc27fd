package org.automations.it.admin;

import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;

/** Test automation kept off the dashboard with {@code @Meta(dashboard = false)}. */
@Meta(dashboard = false)
public class Hidden extends Automation {

    Execute start = new Execute();
    End end = new End();
}
