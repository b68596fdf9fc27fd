package org.automations.engine;

/** How a step claims the automation's row. */
public enum ClaimMode {
    /** The tick's first step: skip a row held elsewhere or no longer due. */
    TICK,
    /** The next steps of a burst: skip a row held elsewhere (its holder carries on). */
    CONTINUE,
    /** An explicit run, message or admin action: wait for the holder (bounded by the lock timeout). */
    WAIT
}
