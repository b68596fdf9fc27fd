package org.automations.versions;

import jakarta.batch.runtime.context.StepContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an instance-migration job instance has done so far, kept as the step's persistent user data
 * (JBeret saves it with each chunk's checkpoint, in the chunk's transaction): how many automations
 * it found to migrate when it began, moved, and left as they were (finished, moved on or refused
 * meanwhile), and the ids of those whose rows a step held (busy), to try again after the others.
 * A map of JDK types, so reading the job repository never needs this deployment's classes.
 */
public record MigrationProgress(long total, long moved, long left, List<Long> busy) {

    public static final MigrationProgress NONE = new MigrationProgress(0, 0, 0, List.of());

    public MigrationProgress {
        busy = List.copyOf(busy);
    }

    public MigrationProgress(long total) {
        this(total, 0, 0, List.of());
    }

    /** Reads a migration step's persistent user data; null when there is none. */
    public static MigrationProgress from(Serializable persistentUserData) {
        if (!(persistentUserData instanceof Map<?, ?> data) || !(data.get("total") instanceof Long total)) {
            return null;
        }
        List<Long> busy = new ArrayList<>();
        if (data.get("busy") instanceof List<?> ids) {
            ids.forEach(id -> busy.add(((Number) id).longValue()));
        }
        return new MigrationProgress(total, number(data.get("moved")), number(data.get("left")), busy);
    }

    /** Adds a chunk's counts and the automations it found busy. */
    public MigrationProgress plus(long moved, long left, List<Long> busyIds) {
        List<Long> allBusy = new ArrayList<>(busy);
        allBusy.addAll(busyIds);
        return new MigrationProgress(total, this.moved + moved, this.left + left, allBusy);
    }

    /** The busy ones handed back to be read again (or, with {@code giveUp}, counted as left). */
    public MigrationProgress withoutBusy(boolean giveUp) {
        return new MigrationProgress(total, moved, left + (giveUp ? busy.size() : 0), List.of());
    }

    public void store(StepContext step) {
        HashMap<String, Object> data = new HashMap<>();
        data.put("total", total);
        data.put("moved", moved);
        data.put("left", left);
        data.put("busy", new ArrayList<>(busy));
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
