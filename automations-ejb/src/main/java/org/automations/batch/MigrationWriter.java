package org.automations.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.automations.MigrationPlan;
import org.automations.engine.EngineClock;
import org.automations.engine.MigrationRules;
import org.automations.engine.StepExecutor;
import org.automations.versions.MigrationProgress;

/**
 * Moves a chunk's automations in the chunk's transaction, each under its row lock (the tick skips a
 * row held here and runs the automation from its new node once the chunk commits; a row a step holds
 * is skipped too and tried again by the reader later), and adds the counts to the step's persistent
 * user data, saved with the same chunk's checkpoint.
 */
@Named
@Dependent
public class MigrationWriter extends AbstractItemWriter {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String plan;

    @Inject
    @BatchProperty
    String startedBy;

    @Inject
    StepExecutor executor;

    private MigrationPlan migrationPlan;

    @Override
    public void open(Serializable checkpoint) {
        migrationPlan = MigrationPlan.fromJson(plan);
    }

    @Override
    public void writeItems(List<Object> items) {
        long moved = 0;
        List<Long> busy = new ArrayList<>();
        for (Object item : items) {
            MigrationRules.Decision decision = executor.migrate((Long) item, migrationPlan, startedBy,
                    job.getExecutionId(), EngineClock.now());
            if (decision.moves()) {
                moved++;
            } else if (decision.busy()) {
                busy.add((Long) item);
            }
        }
        MigrationProgress.from(step.getPersistentUserData()).plus(moved, items.size() - moved - busy.size(), busy).store(step);
    }
}
