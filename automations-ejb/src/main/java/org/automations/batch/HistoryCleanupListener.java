package org.automations.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Puts the counts into the step's and the job's exit status, where jboss-cli and the repository show them. */
@Named
@Dependent
public class HistoryCleanupListener extends AbstractStepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void afterStep() {
        CleanupProgress progress = CleanupProgress.from(step.getPersistentUserData());
        if (progress != null) {
            step.setExitStatus(progress.exitStatus());
            job.setExitStatus(progress.exitStatus());
        }
    }
}
