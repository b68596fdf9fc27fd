package org.automations.batch;

/**
 * What a history cleanup would delete if it started now: {@code automations} in all, of them
 * {@code failed} FAILED ones; {@code failedKept} FAILED automations as old that stay when failures
 * are not included.
 */
public record CleanupPreview(long automations, long failed, long failedKept) {
}
