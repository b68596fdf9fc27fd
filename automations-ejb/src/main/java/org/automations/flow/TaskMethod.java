package org.automations.flow;

import org.automations.model.AutomationTaskModel;

/** A step that returns a result; the result is stored as the task's JSON result. */
@FunctionalInterface
public interface TaskMethod {
    Object run(AutomationTaskModel task) throws Exception;
}
