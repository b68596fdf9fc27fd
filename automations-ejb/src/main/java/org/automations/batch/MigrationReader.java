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

    private MigrationPlan migrationPlan;
    private int pageSize;
    private long lastId;
    private final Deque<Long> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        migrationPlan = MigrationPlan.fromJson(plan);
        pageSize = Math.max(1, Integer.parseInt(chunkSize));
        lastId = checkpoint instanceof Long id ? id : 0;
        if (MigrationProgress.from(step.getPersistentUserData()) == null) {
            new MigrationProgress(migrations.countToMigrate(migrationPlan), 0, 0).store(step);
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            page.addAll(migrations.idsToMigrate(migrationPlan, lastId, pageSize));
            if (page.isEmpty()) {
                return null;
            }
        }
        lastId = page.removeFirst();
        return lastId;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
