package org.automations.engine;

import org.automations.model.AutomationTaskModel;

/** Counting the attempts of a step that {@code Execute.retry(...)} tries again. */
final class RetryPolicy {

    private RetryPolicy() {
    }

    /**
     * Which attempt the task is: 1, plus one for each task before it in an unbroken line of failed
     * tasks at the same node (an administrator's retry, recorded as a task of its own, starts anew).
     */
    static int attemptOf(AutomationTaskModel task) {
        int attempt = 1;
        for (AutomationTaskModel before = task.getPrevious(); before != null && before.getStatus().equals(task.getStatus())
                && failed(before); before = before.getPrevious()) {
            attempt++;
        }
        return attempt;
    }

    private static boolean failed(AutomationTaskModel task) {
        String result = task.getResultJson();
        return result != null && result.startsWith("{\"error\"");
    }
}
