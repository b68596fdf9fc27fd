package org.automations;

/**
 * What claiming, releasing or reassigning a form task did ({@code Automations.claimTask}, ...).
 *
 * @param outcome what happened
 * @param claimedBy who has claimed the task after the call (null: nobody); for {@link Outcome#CLAIMED_BY_OTHER}
 *        the person who has it
 */
public record TaskClaimResult(Outcome outcome, String claimedBy) {

    public enum Outcome {
        /** Done: the task is claimed, released or reassigned as asked (claiming one's own claim again too). */
        DONE,
        /** Someone else has claimed the task ({@code claimedBy} says who); nothing was written. */
        CLAIMED_BY_OTHER,
        /** Release of a task nobody has claimed; nothing was written. */
        NOT_CLAIMED,
        /** The task is done; nothing was written. */
        ALREADY_DONE,
        /** No such task, or it does not wait for a person; nothing was written. */
        NOT_FOUND,
        /** The user may not do this to the task; nothing was written. */
        FORBIDDEN
    }

    public boolean isDone() {
        return outcome == Outcome.DONE;
    }

    public static TaskClaimResult of(Outcome outcome) {
        return new TaskClaimResult(outcome, null);
    }
}
