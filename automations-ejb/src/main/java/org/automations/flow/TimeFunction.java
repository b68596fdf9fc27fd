package org.automations.flow;

import java.time.Instant;
import org.automations.model.AutomationTaskModel;

/** Computes a point in time once, when the task is created; the result is stored. */
@FunctionalInterface
public interface TimeFunction {
    Instant at(AutomationTaskModel task) throws Exception;
}
