package org.automations.flow;

import org.automations.model.AutomationTaskModel;

/** Chooses the receiver of a {@link SendMessage} when the node runs: an id, an Automation or a class. */
@FunctionalInterface
public interface TargetFunction {
    Object target(AutomationTaskModel task) throws Exception;
}
