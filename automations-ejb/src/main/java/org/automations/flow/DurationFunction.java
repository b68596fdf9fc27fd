package org.automations.flow;

import java.time.Duration;
import org.automations.model.AutomationTaskModel;

/** Computes a duration once, when the task is created; the resulting time is stored. */
@FunctionalInterface
public interface DurationFunction {
    Duration of(AutomationTaskModel task) throws Exception;
}
