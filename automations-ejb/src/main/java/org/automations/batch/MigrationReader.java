package org.automations.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import org.automations.MigrationPlan;
import org.automations.versions.InstanceMigrations;
import org.automations.versions.MigrationProgress;

/**
 * Reads the ids of the plan's class's running automations that wait at one of the plan's nodes, in
 * ascending order, a page per query (keyset paging). The checkpoint is the last id read and commits
 * with the chunk's moves, so a restart continues after it and moves none twice.
 */
@Named
@Dependent
public class MigrationReader extends AbstractItemReader {

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String plan;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    InstanceMigrations migrations;

    private static final Logger LOG = Logger.getLogger(MigrationReader.class.getName());
    private static final int BUSY_ROUNDS = 20;
    private static final long BUSY_PAUSE_MILLIS = 250;

    private MigrationPlan migrationPlan;
    private int busyRounds;
    private int pageSize;
    private long lastId;
    private final Deque<Long> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        migrationPlan = MigrationPlan.fromJson(plan);
        pageSize = Math.max(1, Integer.parseInt(chunkSize));
        lastId = checkpoint instanceof Long id ? id : 0;
        if (MigrationProgress.from(step.getPersistentUserData()) == null) {
            new MigrationProgress(migrations.countToMigrate(migrationPlan)).store(step);
        }
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (page.isEmpty()) {
            page.addAll(migrations.idsToMigrate(migrationPlan, lastId, pageSize));
            if (page.isEmpty() && !readBusyAgain()) {
                return null;
            }
        }
        Long id = page.removeFirst();
        lastId = Math.max(lastId, id);
        return id;
    }

    /**
     * After the last id: the automations whose rows steps held are read again, a little later, at most
     * {@link #BUSY_ROUNDS} times; then those still busy are counted as left. False when there are none.
     */
    private boolean readBusyAgain() throws InterruptedException {
        MigrationProgress progress = MigrationProgress.from(step.getPersistentUserData());
        if (progress == null || progress.busy().isEmpty()) {
            return false;
        }
        boolean giveUp = ++busyRounds > BUSY_ROUNDS;
        progress.withoutBusy(giveUp).store(step);
        if (giveUp) {
            LOG.warning(() -> "instance-migration: " + progress.busy().size() + " automations stayed busy and were left: "
                    + progress.busy());
            return false;
        }
        Thread.sleep(BUSY_PAUSE_MILLIS);
        page.addAll(progress.busy());
        return true;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
