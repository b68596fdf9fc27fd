package org.automations.engine;

import java.time.Duration;

/**
 * What one step transaction did.
 *
 * @param kind what happened
 * @param stoppedAt the node where the automation now waits (or the failed node), null when finished
 * @param failedTaskId the task whose node threw (FAILED only)
 * @param error the exception (FAILED only); the step's transaction has been rolled back
 * @param progressed true when at least one step was processed and committed with this outcome
 * @param nextLimit the time limit the next burst's transaction needs (a step deferred to it), or null
 */
public record StepOutcome(Kind kind, String stoppedAt, Long failedTaskId, Throwable error, boolean progressed,
        Duration nextLimit) {

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
        RETRY_STEPWISE,
        /**
         * The next step must run in a transaction of its own, with the time limit {@code nextLimit}
         * (its own {@code .timeout}, or a step not known to be fast in a transaction shared with others).
         */
        DEFERRED
    }

    static StepOutcome of(Kind kind, String stoppedAt) {
        return new StepOutcome(kind, stoppedAt, null, null, kind == Kind.PROGRESSED || kind == Kind.PAUSED, null);
    }

    static StepOutcome deferred(String node, Duration limit) {
        return new StepOutcome(Kind.DEFERRED, node, null, null, false, limit);
    }

    /** The same outcome, asking for a transaction with that time limit for the next burst. */
    StepOutcome withNextLimit(Duration limit) {
        return new StepOutcome(kind, stoppedAt, failedTaskId, error, progressed, limit);
    }

    static StepOutcome failed(String node, long taskId, Throwable error) {
        return new StepOutcome(Kind.FAILED, node, taskId, error, false, null);
    }

    /** The same outcome, marked as having made progress (an earlier step of the burst did). */
    StepOutcome afterProgress() {
        return new StepOutcome(kind, stoppedAt, failedTaskId, error, true, nextLimit);
    }
}
