package org.automations.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.automations.engine.HistoryStore;

/**
 * Deletes a chunk's automations and their tasks in the chunk's transaction (rows the engine holds or
 * has changed meanwhile are skipped, see {@link HistoryStore#delete}) and adds the counts to the
 * step's persistent user data, which JBeret saves with the checkpoint of the same chunk.
 */
@Named
@Dependent
public class HistoryCleanupWriter extends AbstractItemWriter {

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String includeFailed;

    @Inject
    HistoryStore store;

    @Override
    public void writeItems(List<Object> items) {
        CleanupProgress progress = CleanupProgress.from(step.getPersistentUserData());
        List<Long> ids = items.stream().map(Long.class::cast).toList();
        progress.plus(store.delete(ids, progress.cutoff(), CleanupParameters.includeFailed(includeFailed))).store(step);
    }
}
