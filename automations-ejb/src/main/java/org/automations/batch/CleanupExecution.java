package org.automations.batch;

import jakarta.batch.runtime.BatchStatus;
import java.time.Instant;

/**
 * One execution of the history-cleanup job as the job repository keeps it. The counts are those of
 * its job instance up to this execution: a restarted execution continues the counts of the stopped one.
 *
 * @param days the job parameter (null: the default)
 * @param remaining finished automations before the cutoff still in the database (for progress; -1 when unknown)
 */
public record CleanupExecution(long id, BatchStatus status, String exitStatus, Instant start, Instant end,
        String days, long automations, long tasks, long remaining) {

    public boolean isRunning() {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }

    /** Deleted automations as a percentage of deleted + remaining (0-100). */
    public int percentDone() {
        if (remaining < 0) {
            return isRunning() ? 0 : 100;
        }
        long total = automations + remaining;
        return total == 0 ? 100 : (int) (100 * automations / total);
    }
}
