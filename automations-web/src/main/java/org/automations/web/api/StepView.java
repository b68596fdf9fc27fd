package org.automations.web.api;

import java.time.Instant;
import java.util.Map;
import org.automations.model.AutomationTaskModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step (task) of an automation's history. A failed step's traceback is not included: {@code
 * failed} says so and {@code error} holds its first line.
 */
@Schema(name = "Step")
public record StepView(long id, String node, Long previous, Instant created, Instant finished, Instant due,
        String message, boolean failed, String error, Object result, String interactionUser, String interactionGroup) {

    static StepView of(AutomationTaskModel task) {
        boolean failed = task.getResult() instanceof Map<?, ?> result && result.containsKey("error");
        String error = failed ? firstLine(String.valueOf(((Map<?, ?>) task.getResult()).get("error"))) : null;
        return new StepView(task.getId(), task.getStatus(), task.getPrevious() == null ? null : task.getPrevious().getId(),
                task.getCreated(), task.getFinished(), task.getDue(), task.getMessage(), failed, error,
                failed ? null : JsonBodies.parsed(task.getResultJson()), task.getInteractionUser(), task.getInteractionGroup());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
