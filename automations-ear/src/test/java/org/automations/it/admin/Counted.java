package org.automations.it.admin;

import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.model.AutomationTaskModel;

/** Test automation for the dashboard counts: {finish: true} finishes, {fail: true} fails, otherwise it waits. */
public class Counted extends Automation {

    If check = new If(task -> Boolean.TRUE.equals(task.getData().getBoolean("finish"))).then("end").otherwise("work");
    Execute work = new Execute(this::work);
    Execute waitForever = new Execute().asSoonAs(false);
    End end = new End();

    void work(AutomationTaskModel task) {
        if (Boolean.TRUE.equals(task.getData().getBoolean("fail"))) {
            throw new IllegalStateException("Counted failed on purpose");
        }
    }
}
