package org.automations.web.api;

import java.time.Instant;
import java.util.List;
import org.automations.Automations;
import org.automations.model.AutomationModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An automation as the API shows it: class, status, data, the nodes where it waits and when the
 * tick next looks at it (null: when a message, a person or a running step moves it).
 */
@Schema(name = "Instance")
public record InstanceView(long id, String className, String verboseName, String status, boolean finished,
        @Schema(description = "The automation's data, as stored") Object data,
        @Schema(description = "Nodes with an open task") List<String> waitingAt,
        Instant nextRun, Instant pausedUntil, Instant created, Instant updated) {

    /** The automation now, with its open nodes (one query). */
    static InstanceView of(Automations automations, AutomationModel model) {
        return of(model, automations.getVerboseName(model.getAutomationClass()), automations.getWaitingAt(model.getId()));
    }

    static InstanceView of(AutomationModel model, String verboseName, List<String> waitingAt) {
        return new InstanceView(model.getId(), model.getAutomationClass(), verboseName, model.getStatus().name(),
                model.isFinished(), JsonBodies.parsed(model.getDataJson()), waitingAt, model.getNextRun(),
                model.getPausedUntil(), model.getCreated(), model.getUpdated());
    }
}
