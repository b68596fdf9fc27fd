package org.automations;

/** What submitting a form task did (see {@code Automations.completeForm}). */
public enum FormResult {
    /** The data is stored, the task is done and the automation has moved on. */
    COMPLETED,
    /** Someone completed the task first (or it was submitted twice); nothing was written. */
    ALREADY_DONE,
    /** No such task, or it does not wait for a person (yet); nothing was written. */
    NOT_FOUND,
    /** The user may not process this task; nothing was written. */
    FORBIDDEN,
    /** Another person has claimed the task ({@code Automations.claimTask}); nothing was written. */
    CLAIMED
}
