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
import org.automations.engine.HistoryStore;

/**
 * Reads the ids of finished automations last updated before the job's cutoff (FAILED ones only
 * with the job parameter includeFailed), in ascending order,
 * a page (one chunk) per query with keyset paging. The checkpoint is the last id read: a restart
 * continues after it, and rows already deleted no longer match anyway.
 */
@Named
@Dependent
public class HistoryCleanupReader extends AbstractItemReader {

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String days;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    @BatchProperty
    String includeFailed;

    @Inject
    HistoryStore store;

    private CleanupProgress progress;
    private int pageSize;
    private long lastId;
    private final Deque<Long> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        progress = CleanupProgress.of(step, CleanupParameters.days(days));
        pageSize = CleanupParameters.chunkSize(chunkSize);
        lastId = checkpoint instanceof Long id ? id : 0;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            page.addAll(store.finishedIds(progress.cutoff(), lastId, pageSize,
                    CleanupParameters.includeFailed(includeFailed)));
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
