package org.automations.batch;

import jakarta.batch.runtime.context.StepContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.automations.engine.EngineClock;
import org.automations.engine.HistoryStore;

/**
 * What a history-cleanup job instance has done so far, kept as the step's persistent user data: the
 * cutoff it deletes before and the automations and tasks it deleted. JBeret saves it with every
 * checkpoint and hands it to a restarted execution, so a restart keeps the first run's cutoff and
 * adds to its counts. Stored as a map of JDK types so that reading the job repository never needs
 * this deployment's classes.
 */
public final class CleanupProgress {

    private static final String CUTOFF = "cutoffMicros";
    private static final String AUTOMATIONS = "automations";
    private static final String TASKS = "tasks";

    private final Instant cutoff;
    private final long automations;
    private final long tasks;

    private CleanupProgress(Instant cutoff, long automations, long tasks) {
        this.cutoff = cutoff;
        this.automations = automations;
        this.tasks = tasks;
    }

    /** The progress of this step so far, or a new one with the cutoff {@code now - days} when it has none yet. */
    static CleanupProgress of(StepContext step, int days) {
        CleanupProgress saved = from(step.getPersistentUserData());
        if (saved != null) {
            return saved;
        }
        CleanupProgress fresh = new CleanupProgress(EngineClock.now().minus(Duration.ofDays(days)), 0, 0);
        fresh.store(step);
        return fresh;
    }

    /** Reads the persistent user data of a history-cleanup step; null when there is none (yet). */
    public static CleanupProgress from(Serializable persistentUserData) {
        if (!(persistentUserData instanceof Map<?, ?> data) || !(data.get(CUTOFF) instanceof Long micros)) {
            return null;
        }
        return new CleanupProgress(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                number(data.get(AUTOMATIONS)), number(data.get(TASKS)));
    }

    CleanupProgress plus(HistoryStore.Deleted deleted) {
        return new CleanupProgress(cutoff, automations + deleted.automations(), tasks + deleted.tasks());
    }

    void store(StepContext step) {
        HashMap<String, Long> data = new HashMap<>();
        data.put(CUTOFF, ChronoUnit.MICROS.between(Instant.EPOCH, cutoff));
        data.put(AUTOMATIONS, automations);
        data.put(TASKS, tasks);
        step.setPersistentUserData(data);
    }

    public Instant cutoff() {
        return cutoff;
    }

    public long automations() {
        return automations;
    }

    public long tasks() {
        return tasks;
    }

    /** The text of the step's and job's exit status, e.g. for jboss-cli users. */
    String exitStatus() {
        return "DELETED automations=" + automations + " tasks=" + tasks;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
