package org.automations.it.admin;

import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.Split;
import org.automations.model.AutomationTaskModel;

/**
 * A long history: one path waits (for good) right after the Split, the other counts to 600 in a
 * loop of two steps and then waits at the Join, so the open "hold" task is far older than the
 * newest 500 steps.
 */
public class LongLoop extends Automation {

    static final int ROUNDS = 600;

    Split split = new Split().next("hold").next("count");
    Execute hold = new Execute().asSoonAs(false).next("join");
    Execute count = new Execute(this::count);
    If more = new If(task -> task.getData().getInt("rounds") < ROUNDS).then("count");
    Join join = new Join();
    End end = new End();

    void count(AutomationTaskModel task) {
        Integer rounds = task.getData().getInt("rounds");
        task.getData().put("rounds", rounds == null ? 1 : rounds + 1);
    }
}
