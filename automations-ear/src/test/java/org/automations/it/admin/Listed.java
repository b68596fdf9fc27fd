package org.automations.it.admin;

import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Meta;
import org.automations.model.AutomationTaskModel;

/**
 * Test automation for the instances page: {finish: true} finishes, {fail: true} fails at "work",
 * {hold: true} waits at "hold", otherwise it waits at "park".
 */
@Meta(verboseName = "Listed automation", verboseNamePlural = "Listed automations")
public class Listed extends Automation {

    If check = new If(task -> Boolean.TRUE.equals(task.getData().getBoolean("finish"))).then("end").otherwise("work");
    Execute work = new Execute(this::work);
    If where = new If(task -> Boolean.TRUE.equals(task.getData().getBoolean("hold"))).then("hold").otherwise("park");
    Execute park = new Execute().asSoonAs(false).next("end");
    Execute hold = new Execute().asSoonAs(false);
    End end = new End();

    void work(AutomationTaskModel task) {
        if (Boolean.TRUE.equals(task.getData().getBoolean("fail"))) {
            throw new IllegalStateException("Listed failed on purpose");
        }
    }
}
