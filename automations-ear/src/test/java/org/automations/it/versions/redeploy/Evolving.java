package org.automations.it.versions.redeploy;

import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.model.AutomationTaskModel;

/**
 * The first version of a class RedeployMigrationIT changes while automations run: they wait an hour
 * at {@code oldReview}. The second version (src/test/resources/redeploy/Evolving-v2.java.txt)
 * replaces {@code oldReview} by {@code intake} and {@code review}.
 */
public class Evolving extends Automation {
    Execute oldReview = new Execute(this::mark).afterWaitingFor(Duration.ofHours(1)).next("end");
    End end = new End();

    void mark(AutomationTaskModel task) {
        task.getData().put("via", "oldReview");
    }
}
