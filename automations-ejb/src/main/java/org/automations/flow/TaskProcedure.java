package org.automations.flow;

import org.automations.model.AutomationTaskModel;

/** A step without a result. */
@FunctionalInterface
public interface TaskProcedure {
    void run(AutomationTaskModel task) throws Exception;
}
