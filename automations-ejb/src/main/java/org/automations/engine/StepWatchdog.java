package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fails the steps that run past their time limit. The transaction manager has rolled the step's
 * transaction back at the limit (its timeout is the limit, see {@link BurstLimits}), which released
 * the automation's row; the failure is recorded like any other, so retries, {@code onError} and the
 * errors page apply. Java cannot stop the step's code: its thread comes back when the code returns.
 */
@ApplicationScoped
public class StepWatchdog {

    private static final Logger LOG = Logger.getLogger(StepWatchdog.class.getName());

    @Inject
    RunningSteps running;

    @Inject
    StepExecutor executor;

    void failOverdueSteps() {
        for (RunningSteps.Step step : running.takeOverdue(Instant.now())) {
            StepTimeoutException error = new StepTimeoutException(step.getNode(), step.getLimit());
            error.setStackTrace(step.thread().getStackTrace());
            try {
                executor.recordFailure(step.getAutomationId(), step.getTaskId(), error, EngineClock.now());
                LOG.warning(() -> "Automation " + step.getAutomationId() + ": " + error.getMessage());
            } catch (RuntimeException e) {
                // Its row is still locked (the rollback has not happened yet): look again in a second.
                step.retryTimeout();
                LOG.log(Level.FINE, "Automation " + step.getAutomationId() + ": timeout not recorded yet", e);
            }
        }
    }
}
