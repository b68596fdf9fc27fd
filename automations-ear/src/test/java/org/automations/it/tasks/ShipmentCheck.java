package org.automations.it.tasks;

import java.time.Instant;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.flow.Meta;

/** A Moderators task with a due time and a summary naming the parcel (the task list browser test). */
@Meta(verboseName = "Shipment check", taskSummary = "Parcel {parcel}")
public class ShipmentCheck extends Automation {
    Form check = new Form(Answer.class).group("Moderators").description("Check the shipment")
            .dueAt(t -> Instant.parse(t.getData().getString("due")));
    End end = new End();
}
