package org.automations.engine;

/**
 * What one step transaction did.
 *
 * @param kind what happened
 * @param stoppedAt the node where the automation now waits (or the failed node), null when finished
 * @param failedTaskId the task whose node threw (FAILED only)
 * @param error the exception (FAILED only); the step's transaction has been rolled back
 * @param progressed true when at least one step was processed and committed with this outcome
 */
public record StepOutcome(Kind kind, String stoppedAt, Long failedTaskId, Throwable error, boolean progressed) {

    public enum Kind {
        /** Another thread or server holds the automation, or it is no longer due. */
        NOT_CLAIMED,
        /** One task was processed; more may be ready. */
        PROGRESSED,
        /** One task was processed and the burst should end here (a Repeat loop restarts later). */
        PAUSED,
        /** Nothing is ready: the automation waits. */
        WAITING,
        /** The automation is finished (ended, failed earlier, killed or gone). */
        FINISHED,
        /** A node threw; the failure still has to be recorded in a new transaction. */
        FAILED,
        /** A node made the whole burst roll back: run it again one step per transaction. */
        RETRY_STEPWISE
    }

    static StepOutcome of(Kind kind, String stoppedAt) {
        return new StepOutcome(kind, stoppedAt, null, null, kind == Kind.PROGRESSED || kind == Kind.PAUSED);
    }

    static StepOutcome failed(String node, long taskId, Throwable error) {
        return new StepOutcome(Kind.FAILED, node, taskId, error, false);
    }

    /** The same outcome, marked as having made progress (an earlier step of the burst did). */
    StepOutcome afterProgress() {
        return new StepOutcome(kind, stoppedAt, failedTaskId, error, true);
    }
}
