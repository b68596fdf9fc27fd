package org.automations.engine;

import java.time.Duration;
import org.automations.flow.Execute;
import org.automations.model.AutomationTaskModel;

/**
 * The time limits of one step transaction. Its JTA timeout is the limit of the step it was begun
 * for; a step with another limit, or any step after the transaction's first second, is deferred to
 * a transaction of its own, so every Execute step has its own limit (less at most a second). In a
 * transaction shared by several automations (the tick's) only steps known to be fast run: a slow
 * step holds back no other automation's commit.
 */
final class BurstLimits implements StepRun.ExecuteGuard {

    /** After this, a transaction takes no further step (each step gets its whole limit). */
    private static final long BUDGET_NANOS = Duration.ofSeconds(1).toNanos();

    private final RunningSteps running;
    private final AutomationDefinition definition;
    private final long automationId;
    private final Duration transactionLimit;
    private final Duration defaultLimit;
    private final boolean shared;
    private final long began = System.nanoTime();
    private int step;

    BurstLimits(RunningSteps running, AutomationDefinition definition, long automationId, Duration transactionLimit,
            Duration defaultLimit, boolean shared) {
        this.running = running;
        this.shared = shared;
        this.definition = definition;
        this.automationId = automationId;
        this.transactionLimit = transactionLimit;
        this.defaultLimit = defaultLimit;
    }

    /** Before each step of the burst (0 for its first). */
    void beforeStep(int step) {
        this.step = step;
    }

    static Duration limitOf(Execute node, Duration defaultLimit) {
        return node.getTimeout() != null ? node.getTimeout() : defaultLimit;
    }

    @Override
    public RunningSteps.Step admit(Execute node, AutomationTaskModel task) {
        Duration limit = limitOf(node, defaultLimit);
        boolean first = step == 0 && !shared;
        boolean fits = limit.equals(transactionLimit) && (first || System.nanoTime() - began < BUDGET_NANOS
                && (!shared || running.knownFast(definition.getClassName(), node.getName())));
        if (!fits) {
            throw new StepRun.Deferred(node.getName(), limit);
        }
        return running.start(automationId, task.getId(), definition.getClassName(), node.getName(), limit);
    }

    @Override
    public void finished(RunningSteps.Step step) {
        if (step == null) {
            return;
        }
        running.end(step);
        if (step.isTimedOut()) {
            throw new StepRun.StepTimedOut(step);
        }
    }
}
