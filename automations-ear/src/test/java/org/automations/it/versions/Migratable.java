package org.automations.it.versions;

import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Join;
import org.automations.flow.Split;
import org.automations.model.AutomationTaskModel;

/**
 * The current declaration: {@code review} replaced an older version's {@code oldReview}; on the
 * Split's paths, {@code left} (which waits an hour) replaced {@code oldLeft}.
 */
public class Migratable extends Automation {
    Execute intake = new Execute().afterWaitingFor(Duration.ofHours(1)).next("review");
    Execute review = new Execute(this::countReview).next("end");
    Split parallel = new Split().next("left").next("right");
    Execute left = new Execute().afterWaitingFor(Duration.ofHours(1));
    Execute right = new Execute();
    Join join = new Join().next("end");
    End end = new End();

    void countReview(AutomationTaskModel task) {
        Integer seen = task.getData().getInt("reviews");
        task.getData().put("reviews", seen == null ? 1 : seen + 1);
    }
}
