package org.automations.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.automations.MigrationPlan;
import org.automations.versions.InstanceMigrations;
import org.automations.versions.MigrationProgress;

/** Puts the counts into the step's and the job's exit status and records the run in the audit log. */
@Named
@Dependent
public class MigrationListener extends AbstractStepListener {

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
    InstanceMigrations migrations;

    @Override
    public void afterStep() {
        MigrationProgress progress = MigrationProgress.from(step.getPersistentUserData());
        if (progress == null) {
            return;
        }
        step.setExitStatus(progress.exitStatus());
        job.setExitStatus(progress.exitStatus());
        migrations.recordRun(job.getExecutionId(), MigrationPlan.fromJson(plan), startedBy, progress);
    }
}
