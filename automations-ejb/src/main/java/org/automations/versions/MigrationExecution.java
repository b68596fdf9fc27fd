package org.automations.versions;

import jakarta.batch.runtime.BatchStatus;
import java.time.Instant;
import org.automations.MigrationPlan;

/**
 * One execution of the instance-migration job as the job repository keeps it; the counts are those
 * of its job instance so far (a restart continues them).
 *
 * @param plan the plan it carries out
 * @param startedBy who started it
 */
public record MigrationExecution(long id, BatchStatus status, String exitStatus, Instant start, Instant end,
        MigrationPlan plan, String startedBy, MigrationProgress progress) {

    public boolean isRunning() {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }
}
