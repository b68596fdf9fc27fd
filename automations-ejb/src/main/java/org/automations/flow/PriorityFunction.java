package org.automations.flow;

import org.automations.model.AutomationTaskModel;

/** A form task's priority (higher first), computed once when the task starts waiting for a person. */
@FunctionalInterface
public interface PriorityFunction {
    int of(AutomationTaskModel task) throws Exception;
}
