package org.automations.engine;

import java.time.Duration;

/**
 * Recorded on the task of a step that ran past its time limit. Its stack trace is the step's thread
 * at that moment: where the code was when it timed out.
 */
public class StepTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepTimeoutException(String node, Duration limit) {
        super("Step '" + node + "' timed out after " + limit + "; its transaction was rolled back");
    }
}
