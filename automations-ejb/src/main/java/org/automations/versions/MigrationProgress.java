package org.automations.versions;

import jakarta.batch.runtime.context.StepContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What an instance-migration job instance has done so far, kept as the step's persistent user data
 * (JBeret saves it with each chunk's checkpoint, in the chunk's transaction): how many automations
 * it found to migrate when it began, moved, and left as they were (finished, moved on or refused
 * meanwhile). A map of JDK types, so reading the job repository never needs this deployment's classes.
 */
public record MigrationProgress(long total, long moved, long left) {

    public static final MigrationProgress NONE = new MigrationProgress(0, 0, 0);

    /** Reads a migration step's persistent user data; null when there is none. */
    public static MigrationProgress from(Serializable persistentUserData) {
        if (!(persistentUserData instanceof Map<?, ?> data) || !(data.get("total") instanceof Long total)) {
            return null;
        }
        return new MigrationProgress(total, number(data.get("moved")), number(data.get("left")));
    }

    public MigrationProgress plus(long moved, long left) {
        return new MigrationProgress(total, this.moved + moved, this.left + left);
    }

    public void store(StepContext step) {
        HashMap<String, Long> data = new HashMap<>();
        data.put("total", total);
        data.put("moved", moved);
        data.put("left", left);
        step.setPersistentUserData(data);
    }

    /** Done as a percentage of what it found to migrate (0-100). */
    public int percentDone() {
        return total == 0 ? 100 : (int) Math.min(100, 100 * (moved + left) / total);
    }

    /** The text of the step's and job's exit status. */
    public String exitStatus() {
        return "MIGRATED moved=" + moved + " left=" + left + " of=" + total;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
