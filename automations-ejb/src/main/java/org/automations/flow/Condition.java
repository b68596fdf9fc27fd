package org.automations.flow;

import org.automations.model.AutomationTaskModel;

/** A condition evaluated against the task being processed. */
@FunctionalInterface
public interface Condition {
    boolean test(AutomationTaskModel task) throws Exception;
}
