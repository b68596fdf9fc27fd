package org.automations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.automations.audit.AuditRetention;

/** The history cleanup's last step: the audit log's retention, and an entry for this run with its counts. */
@Named
@Dependent
public class AuditRetentionBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String startedBy;

    @Inject
    AuditRetention retention;

    @Override
    public String process() {
        // The first step's listener left "DELETED automations=.. tasks=.." in the job's exit status.
        int audit = retention.prune(startedBy, job.getExitStatus());
        return "PRUNED audit=" + audit;
    }
}
